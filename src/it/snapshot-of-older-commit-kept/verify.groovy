import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)
def expected = "Not publishing the artifacts of 1.2.0-SNAPSHOT: ${registry.host()}/orders:1.2.0-SNAPSHOT already holds " +
        'the image of a newer commit (committed 2026-01-01T10:02:00Z; this build\'s commit: 2026-01-01T10:01:00Z), whose ' +
        'build published its 1.2.0-SNAPSHOT artifacts before it moved that tag.'
assert log.contains(expected), 'build.log lacks: ' + expected
assert !log.contains('Published it.gantry:orders'), 'the older commit\'s snapshot was published'
assert !log.contains('are now the snapshot Maven resolves'), 'warned of a snapshot it did not publish'
assert log.contains('moved none of its tags; [1.2.0-SNAPSHOT, develop, dev-latest] stay on another image (warned above), '
        + 'the artifacts left to the newer commit\'s.')

// the repository holds the newer commit's snapshot alone, and still resolves to it
def snapshot = new File(basedir, '../snapshot-of-older-commit-kept-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT')
assert snapshot.list().sort() == ['maven-metadata.xml', 'orders-1.2.0-20260101.100200-1.jar',
        'orders-1.2.0-20260101.100200-1.pom']
assert new File(snapshot, 'maven-metadata.xml').text.contains('<buildNumber>1</buildNumber>')

// this commit's image went out under its own sha tag; the moving tags stay on the newer commit's image
def sha = 'sha-' + ItProject.at(basedir).head().substring(0, 12)
def newer = new File(basedir, 'newer.digest').text.trim()
['1.2.0-SNAPSHOT', 'develop', 'dev-latest'].each { assert registry.digest('orders', it) == newer, it }
assert registry.digest('orders', sha) != newer

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['kept-on-later-commit']
assert release.artifacts.files*.name.any { it.startsWith('it.gantry:orders:jar:') }
assert release.image.tags.collectEntries { [(it.name): it.outcome] } == [(sha): 'pushed',
        '1.2.0-SNAPSHOT': 'kept-on-later-commit', 'develop': 'kept-on-later-commit', 'dev-latest': 'kept-on-later-commit']
// a deployment that follows GANTRY_RELEASED must not take this older image back
assert new File(basedir, 'target/gantry/release.env').readLines().contains('GANTRY_RELEASED=false')
return true
