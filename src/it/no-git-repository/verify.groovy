def log = new File(basedir, 'build.log').text
def expected = 'No git repository found at ' + basedir.toPath().toAbsolutePath().normalize() + ''' or any parent directory. \
Gantry decides releases from git (branch, commit, tags): build from a git clone, or pass -Dgantry.skip=true to build without \
Gantry (maven-deploy-plugin then deploys as usual). A parent POM that declares Gantry for the projects inheriting it is built \
the same way: released from its own git repository, or deployed with -Dgantry.skip=true (docs/platform-parent.md).'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../no-git-repository-maven-repo').exists()

return true
