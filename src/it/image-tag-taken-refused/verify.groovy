import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def registry = ItRegistry.of(basedir)
def foreign = new File(basedir, 'foreign.digest').text.trim()
def log = new File(basedir, 'build.log').text
def expected = 'orders:1.1.0 is already released as ' + foreign + ' (built from an unknown commit'
assert log.contains(expected), "build.log lacks: $expected"
assert log.contains('; bump the version in pom.xml. An immutable image tag never moves: nothing was pushed and no mutable tag (such as latest) was moved.')
assert !log.contains('may not support OCI manifest')
// latest stays put, no sha tag appeared, nothing was published or tagged
assert registry.digest('orders', 'latest') == foreign
assert registry.digest('orders', '1.1.0') == foreign
assert registry.tags('orders') == ['1.1.0', 'latest']
assert !new File(basedir, '../image-tag-taken-refused-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
