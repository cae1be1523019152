import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.image.tags*.outcome.unique() == ['already-in-place']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
assert it.remoteTags().contains('v1.1.0=' + it.head())
// each tag was put once, by the first run; the second run put nothing, so ECR never answered TAG_INVALID
def calls = ItEcr.calls(basedir)
assert calls.count('PUT manifests/1.1.0') == 1
assert calls.count('PUT manifests/latest') == 1
assert calls.count('GetAuthorizationToken') == 2
assert !new File(basedir, 'build.log').text.contains('TAG_INVALID')
return true
