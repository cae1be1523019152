def log = new File(basedir, 'build.log').text
def expected = '''Unknown flow 'kanban': expected 'gitflow' (microservices) or 'trunk' (libraries). Set <flow> in the gantry-maven-plugin configuration or pass -Dgantry.flow=gitflow.'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, nothing published
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../unknown-flow-maven-repo').exists()

return true
