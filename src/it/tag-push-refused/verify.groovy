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
return true
