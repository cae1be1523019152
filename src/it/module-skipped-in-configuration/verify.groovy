import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def repo = new File(basedir, '../module-skipped-in-configuration-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()
assert !new File(repo, 'shop-lib').exists() // neither Gantry nor maven-deploy-plugin published it
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
// shop pom, app pom + jar; under Maven 4 also each module's -build.pom, as maven-deploy-plugin publishes them
assert release.artifacts.files.size() == (mavenVersion.startsWith('4.') ? 5 : 3)
// the re-run's: the tag the first run pushed is in place
assert release.gitTags == [[name: 'v2.0.0', outcome: 'already-in-place']]
assert ItProject.at(basedir).remoteTags().collect { it.split('=')[0] } == ['v1.0.0', 'v2.0.0']
def log = new File(basedir, 'build.log').text
assert log.contains("Skipping Gantry publish for shop-lib: <skip> is true in the plugin's configuration.")
// the re-run without it was not refused: the module is out of the release by its own POM
assert !log.contains('This build leaves out modules of the reactor')
assert log.count('BUILD SUCCESS') == 2
return true
