import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def log = new File(basedir, 'build.log').text
def expected = 'it.gantry:orders:jar:1.1.0 is already published in file:'
assert log.contains(expected), "build.log lacks: $expected"
assert log.contains('with different content. A release is immutable: bump the version in pom.xml.')
// nothing of the reactor was published: not even the pom, whose bytes would have been new
def released = new File(basedir, '../artifact-differs-refused-maven-repo/it/gantry/orders/1.1.0')
assert released.list() as List == ['orders-1.1.0.jar']
assert new File(released, 'orders-1.1.0.jar').text == 'another build of 1.1.0'
// and the release is not tagged
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
