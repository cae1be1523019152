import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def unpublished = 'The release would publish modules that need modules of this reactor it does not publish: shop-api ' +
        'depends on shop-lib (compile), which maven-deploy-plugin is told to skip (maven.deploy.skip or its <skip>). ' +
        'Their users could not resolve what is missing. Publish that module (remove the setting that leaves it out), or ' +
        'leave out the modules that need it as well. Nothing was built.'
assert log.contains(unpublished), "build.log lacks: $unpublished"
def snapshot = 'Release 2.0.0 depends on a snapshot: shop-app depends on it.gantry.other:pricing-client:1.3.0-SNAPSHOT ' +
        '(compile). A snapshot changes after it is built, and a release is immutable'
assert log.contains(snapshot), "build.log lacks: $snapshot"
// run 1, a preview: the same refusal as a warning
assert log.contains('[WARNING] mvn deploy would refuse: ' + snapshot)
// the test kit (test scope, never published, a snapshot version) is named by neither refusal
assert !log.contains('shop-testkit (test)') && !log.contains('shop-testkit:0.0.1-SNAPSHOT (test)')

// run 3 released the whole reactor, after the two refusals had left nothing behind
def repo = new File(basedir, '../release-dependencies-refused-maven-repo/it/gantry/shop')
['shop-lib', 'shop-api', 'shop-app'].each { assert new File(repo, "$it/2.0.0/$it-2.0.0.jar").isFile(), it }
assert !new File(repo, 'shop-testkit').exists()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert log.count('v2.0.0 created on ') == 1
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v2.0.0=' + it.head())
return true
