import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('never ran')
assert new File(basedir, '../command-line-publish-maven-repo/it/gantry/orders/1.1.0/orders-1.1.0.jar').isFile()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded' : release.status // what was asked for is done
assert release.artifacts.files*.outcome.unique() == ['published']
return true
