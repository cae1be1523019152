import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.branch == 'feature/checkout-flow'
assert plan.release == 'none'
assert plan.image == null && plan.artifacts == null && plan.gitTag == null
assert plan.reason.contains('the build is verified only')
assert new File(basedir, 'target/orders-1.2.0-SNAPSHOT.jar').isFile() // verified: built and packaged
assert !new File(basedir, '../feature-branch-verify-only-maven-repo').exists()
assert ItProject.at(basedir).remoteTags().collect { it.split('=')[0] } == ['v1.1.0']
assert ItRegistry.of(basedir).tags('orders').isEmpty() // nothing pushed
def log = new File(basedir, 'build.log').text
assert log.contains('Nothing to publish: ')
assert log.contains('Skipping artifact deployment')
return true
