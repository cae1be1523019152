def log = new File(basedir, 'build.log').text
def expected = '''Cannot tell which branch is being built: HEAD is detached and no CI branch variable is set (tried '''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../detached-without-ci-maven-repo').exists()

return true
