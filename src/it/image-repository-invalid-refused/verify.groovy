def log = new File(basedir, 'build.log').text
def expected = '''[ERROR] Failed to execute goal dev.gantry:gantry-maven-plugin:0.1.0-SNAPSHOT:plan (default) on project orders: 'registry.example.com/Shop/orders' is not a valid image reference: expected [registry/]name[:tag], such as registry.example.com/team/orders. Its path has capitals, and registries take lowercase repository names only: registry.example.com/shop/orders, say. Fix <imageRepository> in the gantry-maven-plugin configuration (which wins over -Dgantry.image.repository), or pass -Dgantry.image.repository=<image> where the POM does not set it.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published, no tag
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../image-repository-invalid-refused-maven-repo').exists()
return true
