import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)
assert !log.contains('Not publishing the artifacts'), 'the branch tip\'s snapshot was held back'
def expected = "The tag develop of ${registry.host()}/orders holds the image of a later commit (committed " +
        '2026-01-01T10:02:00Z), yet this build\'s commit is its branch\'s tip on the remote (the branch was reset to ' +
        'it): the tag moves back to this image.'
assert log.contains(expected), 'build.log lacks: ' + expected

// this commit's snapshot is the one resolved now: a second timestamped build beside the abandoned commit's
def snapshot = new File(basedir, '../snapshot-after-branch-reset-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT')
assert snapshot.list().any { it ==~ /orders-1\.2\.0-\d{8}\.\d{6}-2\.jar/ }
assert new File(snapshot, 'maven-metadata.xml').text.contains('<buildNumber>2</buildNumber>')

def sha = 'sha-' + ItProject.at(basedir).head().substring(0, 12)
def digest = registry.digest('orders', sha)
['1.2.0-SNAPSHOT', 'develop', 'dev-latest'].each { assert registry.digest('orders', it) == digest, it }
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['published']
assert release.image.tags.collectEntries { [(it.name): it.outcome] } == [(sha): 'pushed', '1.2.0-SNAPSHOT': 'pushed',
        'develop': 'pushed', 'dev-latest': 'pushed']
assert new File(basedir, 'target/gantry/release.env').readLines().contains('GANTRY_RELEASED=true')
return true
