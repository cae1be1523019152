import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.branch == 'main'
assert plan.commit == it.head()
assert plan.version == '1.1.0'
assert plan.previousVersion == '1.0.0'
assert plan.release == 'stable'
assert plan.gitTag == 'v1.1.0'
assert plan.artifacts.mode == 'immutable'
assert plan.image.tags*.name == ['1.1.0', 'sha-' + it.head().substring(0, 12), 'latest']
assert plan.image.tags*.mutable == [false, false, true]

def repo = new File(basedir, '../main-release-maven-repo/it/gantry/orders/1.1.0')
assert new File(repo, 'orders-1.1.0.jar').isFile()
assert new File(repo, 'orders-1.1.0.pom').isFile()

// the release tag is on the released commit, on the remote
assert it.remoteTags().contains('v1.1.0=' + it.head())

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.artifacts.files*.outcome.unique() == ['published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'created']]

def log = new File(basedir, 'build.log').text
assert log.contains('Gantry plan: stable — 1.1.0 on main')
// maven-deploy-plugin stands aside: only Gantry deploys
assert log.contains('Skipping artifact deployment')
return true
