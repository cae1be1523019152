import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def registry = ItRegistry.of(basedir)
def released = new File(basedir, 'release.digest').text.trim()
def earlier = new File(basedir, 'foreign.digest').text.trim()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
def digest = release.image.digest
assert digest != earlier
// the moving tags moved to this commit's image
['develop', 'dev-latest', '1.1.0-SNAPSHOT', 'sha-' + it.head().substring(0, 12)].each {
    assert registry.digest('orders', it) == digest, "$it"
}
// the release tags stayed put
assert registry.digest('orders', '1.0.0') == released
assert registry.digest('orders', 'latest') == released
assert !new File(basedir, 'build.log').text.contains('TAG_INVALID')
assert ItEcr.calls(basedir).count('GetAuthorizationToken') == 1
return true
