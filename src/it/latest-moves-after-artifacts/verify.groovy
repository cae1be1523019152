import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// the first run: the image without latest, the publish refused
assert log.contains('then tagging it [latest] once the artifacts are published'), 'build.log lacks the image goal\'s word on latest'
def it = ItProject.at(basedir)
def shaTag = 'sha-' + it.head().substring(0, 12)
def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert failure.contains(') failed after 3 attempts: '), failure
assert failure.contains(" is in place under 1.1.0, $shaTag; latest was not moved to it, as the artifacts are not all "
        + 'published: the re-run finds the image there and moves it once the artifacts are in place.'), failure
// the second run found the image under 1.1.0 and sha-…, but not under latest: the first run never moved it
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image.tags.collectEntries { [(it.name): it.outcome] } == ['1.1.0': 'already-in-place',
        (shaTag): 'already-in-place', 'latest': 'pushed']
assert release.artifacts.files*.outcome.contains('published')
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
def registry = ItRegistry.of(basedir)
assert registry.tags('orders').sort() == ['1.1.0', 'latest', shaTag].sort()
assert registry.digest('orders', 'latest') == registry.digest('orders', '1.1.0')
def released = new File(basedir, '../latest-moves-after-artifacts-http-repo/it/gantry/orders/1.1.0')
assert new File(released, 'orders-1.1.0.jar').bytes == new File(basedir, 'target/orders-1.1.0.jar').bytes
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
