def log = new File(basedir, 'build.log').text
def expected = '''Uncommitted changes to tracked files: README.md. A stable release is built only from committed sources, so that the tag describes what was released. Commit or revert them, or pass -Dgantry.allowDirty=true to release anyway.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../dirty-tree-refused-maven-repo').exists()

return true
