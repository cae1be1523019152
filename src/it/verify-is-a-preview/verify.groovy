import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable'
def log = new File(basedir, 'build.log').text
assert log.contains("The remote's tags could not be read, so this preview uses the local tags only (a deploy would stop here): ")
// the edited README: a deploy would refuse it, the preview says so and goes on
assert log.contains("[WARNING] mvn deploy would refuse: Uncommitted changes to tracked files: README.md. A stable release " +
        "is built only from committed sources")
assert log.contains('BUILD SUCCESS')
return true
