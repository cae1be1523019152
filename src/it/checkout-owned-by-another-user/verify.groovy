import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def head = it.git('-c', 'safe.directory=*', 'rev-parse', 'HEAD').trim() // git of its own would refuse, as below
def log = new File(basedir, 'build.log').text
// git itself refuses this checkout, as it would in the CI job
def status = ['git', 'status'].execute(null, basedir)
status.waitFor()
assert status.err.text.contains('detected dubious ownership in repository at')

// the release went through: plan, artifacts, the tag pushed with the git command line
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.version == '1.1.0' && plan.commit == head
assert new File(basedir, '../checkout-owned-by-another-user-maven-repo/it/gantry/orders/1.1.0/orders-1.1.0.jar').isFile()
assert it.git('-c', 'safe.directory=*', 'ls-remote', 'origin', 'refs/tags/v1.1.0^{}').startsWith(head)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]

// said once, with what to do for every other tool
def dir = basedir.canonicalPath
assert log.count('git distrusts the repository at ' + dir + ' (git\'s safe.directory check: it is owned by nobody, and '
        + 'this build runs as root); the project Maven builds has the same owner, so Gantry runs its git commands there '
        + 'with -c safe.directory=' + dir + '. For every tool to trust it: git config --global --add safe.directory ' + dir) == 1
return true
