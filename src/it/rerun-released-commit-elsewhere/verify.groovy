import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def registry = ItRegistry.of(basedir)
def released = new File(basedir, 'first.digest').text.trim()
def firstBase = new File(basedir, 'first-base.digest').text.trim()
def movedBase = registry.digest('base/java', '1')
assert movedBase != firstBase: 'the base image tag did not move between the runs'
assert it.git('config', '--get', 'remote.origin.url').trim() == 'https://github.com/acme/orders'

// the re-run completed the release as it was published: no new manifest under any tag, the git tag pushed
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.image.digest == released
assert release.image.tags*.outcome.unique() == ['already-in-place']
assert registry.tags('orders').size() == 3
registry.tags('orders').each { assert registry.digest('orders', it) == released: it }
assert release.image.base == [name: registry.host() + '/base/java:1', digest: firstBase]
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
assert it.remoteTags().contains('v1.1.0=' + it.head())

// one spelling of the source whatever the clone's remote; the base it runs on is recorded
def labels = registry.config('orders', '1.1.0').path('config').path('Labels')
assert labels.path('org.opencontainers.image.revision').asText() == it.head()
assert labels.path('org.opencontainers.image.source').asText() == 'https://github.com/acme/orders'
assert labels.path('org.opencontainers.image.base.name').asText() == registry.host() + '/base/java:1'
assert labels.path('org.opencontainers.image.base.digest').asText() == firstBase

def log = new File(basedir, 'build.log').text
def expected = '[WARNING] orders:1.1.0 is already released from this commit (' + it.head().substring(0, 7) + ') as ' +
        released + ': the release is completed as it was published, nothing is rebuilt or uploaded, although a rebuild ' +
        'would differ: the base image ' + registry.host() + '/base/java:1 is now ' + movedBase + ', the release was built on ' +
        firstBase + '. A release is its commit, not its bytes: the published image is kept. To ship a rebuild, release a new version.'
assert log.contains(expected), "build.log lacks: $expected"
assert !log.contains('bump the version')
assert !log.contains("computing this build's digest")
return true
