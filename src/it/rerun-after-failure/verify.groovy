import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
// the second run found the image and the artifacts in place and only pushed the tag
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.image.tags*.outcome.unique() == ['already-in-place']
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
assert it.remoteTags().contains('v1.1.0=' + it.head())
def registry = ItRegistry.of(basedir)
assert registry.tags('orders').size() == 3
def repo = new File(basedir, '../rerun-after-failure-maven-repo/it/gantry/orders/1.1.0')
assert repo.list().findAll { it.endsWith('.jar') } == ['orders-1.1.0.jar']
return true
