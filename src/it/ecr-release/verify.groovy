import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def registry = ItRegistry.of(basedir)
def sha = 'sha-' + it.head().substring(0, 12)
assert registry.tags('orders') == ['1.1.0', 'latest', sha].sort()
def digest = registry.digest('orders', '1.1.0')
assert registry.digest('orders', 'latest') == digest && registry.digest('orders', sha) == digest
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.image.digest == digest
assert release.image.tags*.outcome.unique() == ['pushed']
assert it.remoteTags().contains('v1.1.0=' + it.head())

// one token and one round of look-ups for the whole build
def calls = ItEcr.calls(basedir)
assert calls.count('GetAuthorizationToken') == 1
assert calls.count('BatchGetImage') == 1
assert calls.count { it.startsWith('PUT manifests/') } == 3

// the token never reaches the log, not even with -X: neither the password (the stand-in's start with eyJ and hex) nor
// the base64 of "AWS:<password>" nor a Basic header
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert !(log =~ /eyJ[0-9a-f]{16}/)
assert !log.contains('QVdTO')
assert !log.contains('Basic QV')
assert log.contains('from ECR GetAuthorizationToken (AWS SDK default credential chain)')
return true
