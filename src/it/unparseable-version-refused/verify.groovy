def log = new File(basedir, 'build.log').text
def expected = '''Version '1.1' on branch 'main' is not a release version (it has 2 numbers, not three): this branch requires X.Y.Z, three numbers such as 1.4.0 (branch 'main' → stable, moving image tags [latest]). Set <version>1.1.0</version> in pom.xml (mvn versions:set -DnewVersion=1.1.0 sets every module's).'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../unparseable-version-refused-maven-repo').exists()

return true
