import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// after the re-run: the release is as the first run published it, without the build POM the re-run also made
def log = new File(basedir, 'build.log').text
def warning = log.readLines().find { it.contains('it.gantry:lib 1.0.0 is published whole in ') }
assert warning?.startsWith('[WARNING] ')
assert warning.contains(' without lib-1.0.0-build.pom, which this build also made. A published release gains no '
        + 'files: it is left out, and the release stays as it was published. (Maven 4 publishes the POM as written in '
        + 'the project beside the consumer POM, as <artifactId>-<version>-build.pom; a release made with Maven 3.9 has '
        + 'none.) To publish it, release a new version.')

def published = new File(basedir, '../rerun-gains-no-file-maven-repo/it/gantry/lib/1.0.0')
assert !new File(published, 'lib-1.0.0-build.pom').exists()
assert new File(published, 'lib-1.0.0.jar').exists()

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
// pom and jar, found in place; the build POM is not part of the release
assert release.artifacts.files*.name.sort() == ['it.gantry:lib:jar:1.0.0', 'it.gantry:lib:pom:1.0.0']
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.0.0', outcome: 'already-in-place']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.0.0=' + it.head())
return true
