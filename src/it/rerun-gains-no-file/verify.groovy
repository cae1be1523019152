import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the release is as the first run published it, without the build POM the second run also made, and now tagged
def log = new File(basedir, 'build.log').text
def said = log.readLines().find { it.contains('it.gantry:lib 1.0.0 is published in ') }
assert said?.startsWith('[INFO] ')
assert said.contains(' as Maven 3.9 publishes it: its lib-1.0.0.pom is the project\'s POM, which this build (Maven 4) has '
        + 'as lib-1.0.0-build.pom beside its consumer POM. The published lib-1.0.0.pom is kept, and lib-1.0.0-build.pom is '
        + 'left out: a published release gains no files.')
assert !log.contains('with different content')

def published = new File(basedir, '../rerun-gains-no-file-maven-repo/it/gantry/lib/1.0.0')
assert published.list().findAll { !it.endsWith('.md5') && !it.endsWith('.sha1') }.sort() == ['lib-1.0.0.jar', 'lib-1.0.0.pom']
assert new File(published, 'lib-1.0.0.pom').bytes == new File(basedir, 'pom.xml').bytes

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
// pom and jar, found in place; the build POM is not part of the release
assert release.artifacts.files*.name.sort() == ['it.gantry:lib:jar:1.0.0', 'it.gantry:lib:pom:1.0.0']
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.0.0', outcome: 'pushed']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.0.0=' + it.head())
return true
