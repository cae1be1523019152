import dev.gantry.it.ItProject
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text
def head = it.head().substring(0, 7)
// both runs succeeded; the second warned, naming the file and the entry that differ
assert log.count('BUILD SUCCESS') == 2
def repository = "file:${basedir.path}/../rerun-released-git-commit-id-maven-repo"
def expected = "This commit's release is already published in $repository (its tag v1.1.0 is on this " +
        "commit $head), and this build differs from it: orders-1.1.0.jar differs in git.properties (changed). The " +
        "published files are kept as they are: none of them is sent again."
assert log.contains(expected), "build.log lacks: $expected"
assert !log.contains('bump the version')

// nothing republished: the repository holds the first run's jar, whose git.properties lists no tag yet
def gitTags = { File jar -> new ZipFile(jar).withCloseable { z -> z.getInputStream(z.getEntry('git.properties')).text.readLines().find { it.startsWith('git.tags=') } } }
def released = new File(basedir, '../rerun-released-git-commit-id-maven-repo/it/gantry/orders/1.1.0')
assert gitTags(new File(released, 'orders-1.1.0.jar')) == 'git.tags='
assert gitTags(new File(basedir, 'target/orders-1.1.0.jar')) == 'git.tags=v1.1.0'

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'already-in-place']]
assert it.remoteTags().findAll { it.startsWith('v1.1.0=') } == ['v1.1.0=' + it.head()]
return true
