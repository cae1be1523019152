import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text
assert log.contains("The remote 'origin' refused the tag v1.1.0: ")
assert log.contains('tags are protected on this remote: refs/tags/v1.1.0')
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
// the artifacts went out first; a re-run will find them and only push the tag
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.artifacts.files*.outcome.unique() == ['published']
// and release.json says the run failed, at the tag, with the message: not the earlier run's success
assert release.status == 'failed'
assert release.version == '1.1.0'
assert release.failure.goal == 'tag'
assert release.failure.module == 'orders'
assert release.failure.message.startsWith("The remote 'origin' refused the tag v1.1.0: ")
assert release.gitTags == []
// what was done before the failure: the image (the embedded default's OCI tar) was written
assert release.image.tags*.outcome.unique() == ['written']
assert new File(basedir, 'target/gantry/image.digest').text == release.image.digest
return true
