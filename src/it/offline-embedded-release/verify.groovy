import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['published']
assert new File(basedir, 'target/gantry/repository/it/gantry/orders/1.1.0/orders-1.1.0.jar').isFile()
assert new File(basedir, 'target/gantry/image.tar').isFile()
assert it.remoteTags().any { it.startsWith('v1.1.0=') }
def log = new File(basedir, 'build.log').text
assert !log.contains('offline mode')
// the release stays on this machine while its tag goes out: said before anything is built
assert log.contains("[WARNING] The release 1.1.0 publishes its artifacts to the embedded default ")
assert log.contains("only this machine sees, and its image stays here too, yet its tag v1.1.0 goes to the remote 'origin'")
return true
