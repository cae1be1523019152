def log = new File(basedir, 'build.log').text
def expected = '''Version 1.2.0 on branch 'develop': this branch publishes snapshots and requires X.Y.Z-SNAPSHOT (branch 'develop' → snapshot, moving image tags [develop, dev-latest]). Set <version>1.2.0-SNAPSHOT</version> in pom.xml, or the next version's snapshot; release versions are built on the stable branch.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../develop-release-version-refused-maven-repo').exists()

return true
