def log = new File(basedir, 'build.log').text
def expected = '''1.1.0 is already released from commit '''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../tag-on-another-commit-maven-repo').exists()
assert log.contains('A released version is never rebuilt: bump the version in pom.xml, for example to 1.1.1.')
return true
