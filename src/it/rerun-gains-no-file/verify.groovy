import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// after the re-run: the release is as the first run published it, without the tests jar the re-run also made
def log = new File(basedir, 'build.log').text
def repository = new File(basedir, '../rerun-gains-no-file-maven-repo')
def warning = log.readLines().find { it.contains('it.gantry:lib 1.0.0 is published whole in ') }
assert warning?.startsWith('[WARNING] ')
assert warning.contains(' without lib-1.0.0-tests.jar, which this build also made. A published release gains no '
        + 'files: it is left out, and the release stays as it was published. To publish it, release a new version.')

def published = new File(repository, 'it/gantry/lib/1.0.0')
assert !new File(published, 'lib-1.0.0-tests.jar').exists()
assert new File(published, 'lib-1.0.0.jar').exists()

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
// pom and jar (under Maven 4 also the -build.pom), found in place; the tests jar is not part of the release
assert release.artifacts.files*.name.every { !it.contains(':tests:') }
assert release.artifacts.files.size() == (mavenVersion.startsWith('4.') ? 3 : 2)
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.0.0', outcome: 'already-in-place']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.0.0=' + it.head())
return true
