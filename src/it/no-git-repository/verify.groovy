def log = new File(basedir, 'build.log').text
def expected = '''No git repository found at '''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../no-git-repository-maven-repo').exists()

return true
