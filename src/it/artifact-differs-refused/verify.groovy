import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text
def head = it.head().substring(0, 7)
def released = new File(basedir, '../artifact-differs-refused-maven-repo/it/gantry/orders/1.1.0')
def repository = "file:${basedir.path}/../artifact-differs-refused-maven-repo"
// the refusal names the file and the jar entries that differ, and why the release is not this commit's
def expected = "This release is already published in $repository with different content: orders-1.1.0.jar differs in "
def entries = ['it/orders/App.class (changed)', 'META-INF/MANIFEST.MF (only in this build)',
               'it/orders/Old.class (only in the published copy)']
def why = "That release is not known to be this commit's (no release tag is on this commit $head, and no image of this " +
        "commit was found under 1.1.0), and a release is immutable: bump the version in pom.xml. If the bytes differ only " +
        "by build time, make the build reproducible with <project.build.outputTimestamp>. If this commit's own " +
        "pipeline published them and stopped before its tag (a failed tag push or upload), a re-run from a clean " +
        "checkout (mvn clean deploy) completes it when the build is reproducible (files built over an earlier build's " +
        "target/ may differ); a jar whose git.properties (git-commit-id-maven-plugin) names this commit is known to be " +
        "this commit's. Nothing was published."
def line = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line?.contains(expected), "build.log lacks: $expected"
entries.each { assert line.contains(it), "the refusal lacks: $it" }
assert line.contains(why), "build.log lacks: $why"
// nothing of the reactor was published: not even the pom, whose bytes would have been new
assert released.list() as List == ['orders-1.1.0.jar']
// refused before the image moved
assert ItRegistry.of(basedir).tags('orders').isEmpty()
// and the release is not tagged
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
// release.json says the run failed, where, and that nothing was done
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.failure.goal == 'image'
assert release.failure.module == 'orders'
assert release.failure.message.startsWith(expected)
assert release.image == null && release.artifacts == null && release.gitTags == []
assert !new File(basedir, 'target/gantry/image.digest').exists()
return true
