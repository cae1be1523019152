import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the aggregator above the modules declares no distributionManagement: the plan names where the modules publish
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.version == '2.0.0'
assert plan.artifacts.repository.endsWith('/it/aggregator-not-published-maven-repo') : plan.artifacts.repository
def log = new File(basedir, 'build.log').text
assert !log.contains('embedded default')
def repo = new File(basedir, '../aggregator-not-published-maven-repo/it/gantry/shop')
assert new File(repo, 'shop-lib/2.0.0/shop-lib-2.0.0.jar').isFile()
assert !new File(repo, 'shop-build').exists()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert ItProject.at(basedir).remoteTags().contains('v2.0.0=' + ItProject.at(basedir).head())
return true
