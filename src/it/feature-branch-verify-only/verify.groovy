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
// handed to the next CI step: nothing released (a deployment job reads GANTRY_RELEASED and stops)
assert new File(basedir, 'target/gantry/release.env').readLines() == ['GANTRY_RELEASED=false',
        'GANTRY_VERSION=1.2.0-SNAPSHOT', 'GANTRY_IMAGE=', 'GANTRY_IMAGE_DIGEST=', 'GANTRY_GIT_TAG=', 'GANTRY_ENVIRONMENT_TAG=']
def log = new File(basedir, 'build.log').text
assert log.contains('Nothing to publish: ')
// declared without <extensions>true</extensions>: the fallback turns maven-deploy-plugin off, and says what to add
assert log.contains('Skipping artifact deployment')
assert log.contains('[WARNING] gantry-maven-plugin is declared without <extensions>true</extensions>, so it turned '
        + 'maven-deploy-plugin off in orders by setting the property maven.deploy.skip, which other plugins read too '
        + '(CycloneDX then leaves the module out of its SBOM). Add <extensions>true</extensions> to the gantry-maven-plugin '
        + '<plugin> element of the POM: Gantry then unbinds maven-deploy-plugin\'s default-deploy execution before the build '
        + 'starts and sets no property.')
return true
