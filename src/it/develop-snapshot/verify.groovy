import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.branch == 'develop'
assert plan.release == 'snapshot'
assert plan.previousVersion == '1.1.0'
assert plan.artifacts.mode == 'replace-snapshot'
assert plan.gitTag == null
def sha = 'sha-' + it.head().substring(0, 12)
assert plan.image.tags.collect { [it.name, it.mutable] } ==
        [[sha, false], ['1.2.0-SNAPSHOT', true], ['develop', true], ['dev-latest', true]]

def repo = new File(basedir, '../develop-snapshot-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT')
assert new File(repo, 'maven-metadata.xml').isFile()
assert repo.list().any { it ==~ /orders-1\.2\.0-\d{8}\.\d{6}-1\.jar/ }
// snapshots are never tagged, and the tag goal says so
assert it.remoteTags().collect { it.split('=')[0] } == ['v1.1.0']
assert new File(basedir, 'build.log').text.contains('No git tag: a snapshot is not tagged')
// snapshot tags all on this build's image
def registry = ItRegistry.of(basedir)
assert registry.tags('orders') == [sha, '1.2.0-SNAPSHOT', 'develop', 'dev-latest'].sort()
assert ['1.2.0-SNAPSHOT', 'develop', 'dev-latest'].collect { registry.digest('orders', it) }.unique() == [registry.digest('orders', sha)]
// Jib warns of each HTTPS→HTTP (and TLS) fallback for every URL it calls; the log says it once per registry
def log = new File(basedir, 'build.log').text
assert log.count('over HTTPS. Attempting again with HTTP.') == 1
assert log.count('Attempting again with no TLS verification.') <= 1
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.failure == null
return true
