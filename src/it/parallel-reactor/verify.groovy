import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// the app really got to deploy before the slow library did
assert log.indexOf('gantry:0.1.0-SNAPSHOT:publish (gantry) @ shop-app') < log.indexOf('gantry:0.1.0-SNAPSHOT:publish (gantry) @ shop-lib')
// and yet all modules were published together, then tagged
def repo = new File(basedir, '../parallel-reactor-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-lib/2.0.0/shop-lib-2.0.0.jar').isFile()
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
// shop pom, lib and app pom + jar; under Maven 4 also each module's -build.pom, as maven-deploy-plugin publishes them
assert release.artifacts.files.size() == (mavenVersion.startsWith('4.') ? 8 : 5)
assert release.gitTags == [[name: 'v2.0.0', outcome: 'pushed']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v2.0.0=' + it.head())
return true
