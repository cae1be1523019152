import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// refused, naming the package and its origin controls
def line = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line?.contains('CodeArtifact blocks publishing it.acme:shop-orders to repository snapshots') : line
assert line.contains('origin controls set publish to BLOCK') : line

// before anything was sent: not shop (the parent POM) nor shop-prices, which come before shop-orders in the reactor
def calls = ItCodeArtifact.calls(basedir)
assert !calls.any { it.startsWith('PUT ') } : calls
assert ItCodeArtifact.versions(basedir, 'snapshots', 'it.acme', 'shop-prices').isEmpty()
assert ItCodeArtifact.versions(basedir, 'snapshots', 'it.acme', 'shop').isEmpty()

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.artifacts == null
return true
