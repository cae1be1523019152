import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// run 1 (-Plate): decided in validate, with the plan, before anything moved: shop-lib leaves the release, with a warning
// that names the execution, the phase and both ways out
def warning = log.indexOf("[WARNING] Left out of the release: shop-lib (image, publish, tag): its execution 'gantry' is "
        + 'bound to phase pre-site, which mvn deploy does not reach, so it takes no part in those steps and the other '
        + 'modules are released without it. To release it, bind the execution to deploy or an earlier phase')
assert warning > log.indexOf('Gantry plan: stable — 2.0.0 on main')
assert warning < log.indexOf('--- gantry:0.1.0-SNAPSHOT:image (gantry) @ shop ---')
// ... and the other modules are released in full by that same run: no "incomplete" at the session's end
def firstReleaseDone = log.indexOf('v2.0.0 created on ')
assert firstReleaseDone > log.indexOf('Published it.gantry.shop:shop-app:jar:2.0.0 to ')
assert firstReleaseDone > log.indexOf('Image shop:2.0.0 written: sha256:')
assert !log.contains('but the build ended without completing it')
// run 2 (<phase>none</phase>): shop-lib leaves the release, said once, without a warning; the re-run finds it complete
def turnedOff = log.indexOf('[INFO] Left out of the release, their execution bound to phase none: shop-lib (image, publish, tag)')
assert turnedOff > firstReleaseDone
assert log.count('Left out of the release: shop-lib') == 1
assert log.indexOf('v2.0.0 already in place on ') > turnedOff
def repo = new File(basedir, '../phase-none-module-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()
assert !new File(repo, 'shop-lib').exists() // neither Gantry nor maven-deploy-plugin published it, in either run
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image.tags*.name.contains('2.0.0')
assert release.artifacts.files*.outcome.every { it == 'already-published' }
assert release.gitTags == [[name: 'v2.0.0', outcome: 'already-in-place']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v2.0.0=' + it.head())
return true
