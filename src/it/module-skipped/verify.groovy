import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def repo = new File(basedir, '../module-skipped-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()
assert !new File(repo, 'shop-lib').exists() // neither Gantry nor maven-deploy-plugin published it
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
// shop pom, app pom + jar; under Maven 4 also each module's -build.pom, as maven-deploy-plugin publishes them
assert release.artifacts.files.size() == (mavenVersion.startsWith('4.') ? 5 : 3)
assert release.gitTags == [[name: 'v2.0.0', outcome: 'pushed']]
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping Gantry publish for shop-lib: gantry.skip is true.')
// the application's jar is published naming shop-lib, which nobody publishes: warned of, not refused (the image, which
// holds shop-lib, is the application's release)
assert log.contains('[WARNING] The jar of shop-app, the module the image is built from, is published with a POM that ' +
        'needs modules this release does not publish: shop-app depends on shop-lib (compile), which gantry.skip leaves ' +
        'out. Its image holds them, but a build that depends on that jar could not resolve them.')
return true
