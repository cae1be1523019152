def log = new File(basedir, 'build.log').text
def expected = '''Version 1.1.0-SNAPSHOT on branch 'main': this branch releases stable versions and requires X.Y.Z, not a -SNAPSHOT (branch 'main' → stable, moving tags [latest]). Set <version>1.1.0</version> in pom.xml to release it, or build this commit on a snapshot branch.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../snapshot-on-main-refused-maven-repo').exists()

return true
