import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
// after the second run of the same commit: everything was found done, nothing duplicated
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.release == 'stable'
assert release.status == 'succeeded'
// pom and jar; under Maven 4 also the -build.pom beside the consumer .pom, as maven-deploy-plugin publishes them
assert release.artifacts.files.size() == (mavenVersion.startsWith('4.') ? 3 : 2)
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'already-in-place']]
assert it.remoteTags().findAll { it.startsWith('v1.1.0=') } == ['v1.1.0=' + it.head()]

// the image was found in place: same digest, nothing pushed again
def registry = ItRegistry.of(basedir)
assert release.image.digest == registry.digest('orders', '1.1.0')
assert release.image.tags*.outcome.unique() == ['already-in-place']

def repo = new File(basedir, '../rerun-same-commit-maven-repo/it/gantry/orders/1.1.0')
assert repo.list().findAll { it.endsWith('.jar') } == ['orders-1.1.0.jar']
return true
