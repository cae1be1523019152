def log = new File(basedir, 'build.log').text
def expected = '''Version 1.1.0 is lower than 1.2.0, the highest version already released (tag v1.2.0). Set a version above 1.2.0 in pom.xml, or, if 'main' is a maintenance branch, allow it with <allowMaintenance>true</allowMaintenance> in its <branches><branch> rule.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../version-backwards-refused-maven-repo').exists()

return true
