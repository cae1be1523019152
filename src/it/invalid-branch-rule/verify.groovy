def log = new File(basedir, 'build.log').text
def expected = '''Unknown release kind 'sometimes': expected 'stable', 'snapshot' or 'none'. Fix <release> in the <branches><branch> entry of the gantry-maven-plugin configuration.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../invalid-branch-rule-maven-repo').exists()

return true
