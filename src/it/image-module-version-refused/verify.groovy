import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def expected = 'All published modules must share the top-level version 2.0.0, but shop-app has 2.1.0-SNAPSHOT (the module ' +
        'the image, tagged 2.0.0, is built from).'
assert log.contains(expected), "build.log lacks: $expected"
assert !new File(basedir, 'target/gantry/image.tar').exists()
assert !new File(basedir, '../image-module-version-refused-maven-repo').exists()
assert ItProject.at(basedir).remoteTags().every { !it.startsWith('v2.0.0=') }
return true
