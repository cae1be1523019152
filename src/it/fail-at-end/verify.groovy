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
assert release.failure.message.contains('because shop-broken failed. So far this build pushed, published and tagged nothing.')
// the image module came after the failed one: its image did not move either (no latest on an unreleased image)
assert log.contains('Not pushing the image: shop-broken failed')
assert release.image == null
// a compile error: the code must change, and nothing went out, so the commit that fixes it releases the version
assert log.contains('When the code must change, the commit that fixes it releases 2.0.0; if an earlier run')
assert log.contains('Fix the failure and re-run mvn deploy: on this commit when the failure was not in the code')
return true
