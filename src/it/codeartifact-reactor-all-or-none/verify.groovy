import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// refused for shop-orders, naming it
def line = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line?.contains('with different content: shop-orders-1.1.0.jar of it.acme:shop-orders:1.1.0 differs') : line
assert line.contains('bump the version in pom.xml') : line

// and nothing of the reactor was uploaded, not even shop-prices, which was new: each module checked, then refused
def calls = ItCodeArtifact.calls(basedir)
assert !calls.any { it.startsWith('PUT ') } : calls
assert !calls.contains('GetAuthorizationToken') : calls
assert calls.count('DescribePackageVersion') == 3 : calls
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'shop-prices').isEmpty()
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'shop').isEmpty()
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'shop-orders') == ['1.1.0': 'Published']

def it = ItProject.at(basedir)
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.artifacts == null
return true
