import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Not published, as maven-deploy-plugin is told to skip them (maven.deploy.skip or its <skip>): orders.')
assert log.contains('Nothing to publish: maven-deploy-plugin is told to skip every module that declares gantry:publish')
// declared without the build extension: the module already skips maven-deploy-plugin, so Gantry sets nothing and warns not
assert !log.contains('so it turned maven-deploy-plugin off')
// the plan has no artifacts: nothing published anywhere, and the release is the image and the tag
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.artifacts == null
assert !new File(basedir, '../image-only-release-maven-repo').exists()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts == null
assert release.image.tags*.outcome.unique() == ['written']
assert new File(basedir, 'target/gantry/image.tar').isFile()
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
