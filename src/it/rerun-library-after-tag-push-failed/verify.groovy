import dev.gantry.it.ItProject
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text
assert log.count('BUILD SUCCESS') == 1
assert log.contains('the runner was lost before the tag was pushed')
assert !log.contains('bump the version')
// the published jar names this commit, so it is kept with a warning, though the tag was never pushed
assert log =~ /This commit's release is already published in .* \(its orders-1\.1\.0\.jar was built from this commit ${it.head().substring(0, 7)} \(git\.commit\.id in its git\.properties\)\), and this build differs from it: orders-1\.1\.0\.jar differs in git\.properties \(changed\)\. The published files are kept as they are: none of them is sent again\./

// nothing republished: the repository holds the first run's jar, with the first clone's remote URL
def remoteUrl = { File jar -> new ZipFile(jar).withCloseable { z -> z.getInputStream(z.getEntry('git.properties')).text.readLines().find { it.startsWith('git.remote.origin.url=') } } }
def released = new File(basedir, '../rerun-library-after-tag-push-failed-maven-repo/it/gantry/orders/1.1.0')
assert remoteUrl(new File(released, 'orders-1.1.0.jar')) != remoteUrl(new File(basedir, 'target/orders-1.1.0.jar'))

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image == null
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
