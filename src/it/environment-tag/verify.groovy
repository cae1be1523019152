import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'snapshot'
assert plan.environmentTag == 'deploy/dev/current'
assert plan.image.tags*.name.contains('develop')
assert !plan.image.tags*.name.contains('dev-latest') // the POM's rule replaces the preset
assert it.remoteTags().contains('deploy/dev/current=' + it.head())
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
// "moved" by the second run: the first, whose publish failed, left it on the earlier commit
assert release.gitTags == [[name: 'deploy/dev/current', outcome: 'moved']]
def log = new File(basedir, 'build.log').text
assert log.contains('127.0.0.1:9')

// the hand-off to the next CI step, written once: by the run that succeeded
def image = release.image.repository + '@' + release.image.digest
assert release.image.reference == image
assert new File(basedir, 'github-output.txt').readLines() == ['released=true', 'version=1.2.0-SNAPSHOT',
        'image=' + image, 'image-digest=' + release.image.digest, 'git-tag=', 'environment-tag=deploy/dev/current']
def summary = new File(basedir, 'github-summary.md').text
assert summary.contains('### Gantry: released 1.2.0-SNAPSHOT')
assert summary.contains('| environment tag | `deploy/dev/current` |')
assert new File(basedir, 'target/gantry/release.env').readLines() == ['GANTRY_RELEASED=true',
        'GANTRY_VERSION=1.2.0-SNAPSHOT', 'GANTRY_IMAGE=' + image, 'GANTRY_IMAGE_DIGEST=' + release.image.digest,
        'GANTRY_GIT_TAG=', 'GANTRY_ENVIRONMENT_TAG=deploy/dev/current']
return true
