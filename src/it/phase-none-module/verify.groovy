import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// run 1: no silent success; the message names the step, the module, the phase and what to do
assert log.contains('The plan released 2.0.0, but the build ended without completing it: the end-of-reactor work of '
        + 'image, publish, tag never ran')
assert log.contains("shop-lib never ran it: its execution 'gantry' is bound to phase pre-site")
// the image goal writes its image in its own module, before the end of the reactor; nothing was published or tagged
assert log.contains('So far only the image shop (2.0.0, sha-')
assert log.contains('latest) is in place.')
// run 2: shop-lib leaves the release, said once; the other modules are released in full
assert log.contains('Left out of the release, their execution bound to phase none: shop-lib (image, publish, tag)')
def repo = new File(basedir, '../phase-none-module-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()
assert !new File(repo, 'shop-lib').exists() // neither Gantry nor maven-deploy-plugin published it
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image.tags*.name.contains('2.0.0')
assert release.gitTags == [[name: 'v2.0.0', outcome: 'pushed']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v2.0.0=' + it.head())
return true
