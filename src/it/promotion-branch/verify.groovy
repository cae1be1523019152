import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.branch == 'prod'
assert plan.release == 'none'
assert plan.version == '1.2.0' && plan.previousVersion == '1.1.0'
assert plan.image == null && plan.artifacts == null && plan.gitTag == null
assert plan.environmentTag == 'deploy/prod/current'
assert plan.reason.startsWith("Branch 'prod' promotes released versions")

// the environment tag is on the merge commit, on the remote; the release tags are where main put them
def remote = it.remoteTags()
assert remote.contains('deploy/prod/current=' + it.head())
assert remote.contains('v1.2.0=' + it.git('rev-parse', 'main').trim())
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.gitTags == [[name: 'deploy/prod/current', outcome: 'moved']]

// nothing built for it or published: no image, no artifact
assert !new File(basedir, '../promotion-branch-maven-repo').exists()
assert !new File(basedir, 'target/gantry').listFiles().any { it.name.endsWith('.tar') }
def log = new File(basedir, 'build.log').text
assert log.contains('a deploy moves deploy/prod/current to this commit, and nothing is built for it or published.')
assert !log.contains('maven-deploy-plugin')

// the next CI step: nothing released, the version promoted; the run's page says so
assert new File(basedir, 'github-output.txt').readLines() == ['released=false', 'version=1.2.0', 'image=',
        'image-digest=', 'git-tag=', 'environment-tag=deploy/prod/current']
def summary = new File(basedir, 'github-summary.md').text
assert summary.contains('### Gantry: promoted 1.2.0')
assert summary.contains('| environment tag | `deploy/prod/current` |')
assert log.contains('deploy/prod/current moved to ' + it.head().substring(0, 7) + ' and force-pushed to origin')
assert log.contains('Gantry outputs for the next steps: released=false, environment-tag=deploy/prod/current')
return true
