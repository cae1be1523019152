import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.branch == 'main'            // from GITHUB_REF_NAME: HEAD is detached
assert plan.previousVersion == null     // the parent commit is not in the shallow clone
assert plan.release == 'none'           // v1.1.0 exists on the remote only
assert plan.reason.startsWith('1.1.0 is already released (tag v1.1.0 on ')
assert !new File(basedir, '../shallow-detached-ci-maven-repo').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Gantry plan: none — 1.1.0 on main')
return true
