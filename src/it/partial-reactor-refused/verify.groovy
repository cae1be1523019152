def log = new File(basedir, 'build.log').text
def expected = 'This build leaves out modules of the reactor ('
assert log.contains(expected), "build.log lacks: $expected"
assert !new File(basedir, '../partial-reactor-refused-maven-repo').exists()
return true
