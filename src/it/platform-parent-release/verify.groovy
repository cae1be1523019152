import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.version == '1.1.0' && plan.gitTag == 'v1.1.0'
assert plan.image == null
def repo = new File(basedir, '../platform-parent-release-maven-repo/it/gantry/platform/platform-parent/1.1.0')
assert new File(repo, 'platform-parent-1.1.0.pom').isFile()
assert it.remoteTags().contains('v1.1.0=' + it.head())

def log = new File(basedir, 'build.log').text
// the image goal says why there is no image, not why the version is released
assert log.contains('[INFO] No image: no module builds it in this build: an image is built from a module packaged jar '
        + '(or quarkus), and none is, or each one skips it (gantry.skip, gantry.image.skip or <skipImage>).')
assert !log.contains('(default-deploy)')
return true
