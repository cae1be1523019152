import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.dryRun == true
// nothing changed outside target/
assert !new File(basedir, '../dry-run-maven-repo').exists()
assert !it.localTags().contains('v1.1.0')
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.dryRun == true
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['would-publish']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'would-push']]
assert release.image.tags*.outcome.unique() == ['would-push']
assert !new File(basedir, 'target/gantry/image.tar').exists()
// what a next job reads: nothing released, no tag to deploy from
def env = new File(basedir, 'target/gantry/release.env').readLines()
assert env.contains('GANTRY_RELEASED=false')
assert env.contains('GANTRY_GIT_TAG=')
assert env.contains('GANTRY_IMAGE=')
def log = new File(basedir, 'build.log').text
assert log.contains('dry run: nothing will be pushed, published or tagged.')
return true
