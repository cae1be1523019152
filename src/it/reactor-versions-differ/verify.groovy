def log = new File(basedir, 'build.log').text
def expected = 'All published modules must share the top-level version 2.0.0, but shop-lib has 2.0.1. Set the same <version> in every module (mvn versions:set -DnewVersion=2.0.0), or leave a module out of the publish with <maven.deploy.skip>true</maven.deploy.skip> in its properties.'
assert log.contains(expected), "build.log lacks: $expected"
assert !new File(basedir, 'lib/target/classes').exists() // refused in validate
assert !new File(basedir, '../reactor-versions-differ-maven-repo').exists()
return true
