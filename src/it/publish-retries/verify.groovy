import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('failed (attempt 1 of 3): ')
assert log.contains('; retrying.')
def released = new File(basedir, '../publish-retries-http-repo/it/gantry/orders/1.1.0')
assert new File(released, 'orders-1.1.0.jar').bytes == new File(basedir, 'target/orders-1.1.0.jar').bytes
assert new File(released, 'orders-1.1.0.pom').isFile()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.artifacts.files*.outcome.unique() == ['published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
return true
