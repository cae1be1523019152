def log = new File(basedir, 'build.log').text
def expected = '''Version 1.1.0-SNAPSHOT on branch 'main': this branch releases stable versions and requires X.Y.Z, not a -SNAPSHOT (branch 'main' → stable, moving image tags [latest]). Set <version>1.1.0</version> in pom.xml to release it, or build this commit on a snapshot branch.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
// no output of the earlier run is left to be mistaken for this one's: no plan, and a release.json that says it failed
def outputs = new File(basedir, 'target/gantry')
assert !new File(outputs, 'plan.json').exists()
assert !new File(outputs, 'image.digest').exists()
def release = new groovy.json.JsonSlurper().parse(new File(outputs, 'release.json'))
assert release.status == 'failed'
assert release.failure == [goal: 'plan', module: 'orders', message: expected]
assert release.version == null && release.image == null && release.artifacts == null && release.gitTags == []
assert !new File(basedir, '../snapshot-on-main-refused-maven-repo').exists()

return true
