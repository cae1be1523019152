import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// -fae let the reactor go on past the broken module: still, nothing is published and nothing tagged
def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR')
assert !log.contains('Not running plan') && !log.contains('Not running image')
assert !new File(basedir, '../fail-at-end-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v2.0.0=') }
// release.json and the log say the release was not completed, and what to do
def release = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'incomplete'
assert release.failure.message.contains('because shop-broken failed. So far nothing was pushed, published or tagged.')
// the image module came after the failed one: its image did not move either (no latest on an unreleased image)
assert log.contains('Not pushing the image: shop-broken failed')
assert release.image == null
assert log.contains('A release is made of every module: fix the failure, then re-run mvn deploy on this commit')
return true
