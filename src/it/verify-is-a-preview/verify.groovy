import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable'
def log = new File(basedir, 'build.log').text
assert log.contains("The remote's tags could not be read, so this preview uses the local tags only (a deploy would stop here): ")
assert log.contains('BUILD SUCCESS')
return true
