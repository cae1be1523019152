import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.version == '1.4.0'
assert plan.previousVersion == '1.4.0'
assert plan.release == 'none'
assert plan.reason.contains('this commit does not change the version')

def log = new File(basedir, 'build.log').text
assert !log.contains('sets the version to 1.4.0 again')
assert !new File(basedir, '../ci-friendly-changelist-after-release-maven-repo').exists()
assert !new File(basedir, 'target/gantry/image.tar').exists()
return true
