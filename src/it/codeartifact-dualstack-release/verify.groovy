import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper
import java.security.MessageDigest

// the URL was the dual-stack one, and Gantry treated it as CodeArtifact's
def url = new File(basedir, '.mvn/maven.config').readLines().find { it.startsWith('-Dcodeartifact.url=') }
assert url.startsWith('-Dcodeartifact.url=https://acme-123456789012.codeartifact.us-east-1.on.aws:') : url
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.artifacts.repository.startsWith('https://acme-123456789012.codeartifact.us-east-1.on.aws:') : plan.artifacts

// the release is in CodeArtifact, Published, with this build's bytes
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib') == ['1.1.0': 'Published']
def assets = ItCodeArtifact.assetSha256(basedir, 'releases', 'it.acme', 'lib', '1.1.0')
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
assert assets['lib-1.1.0.jar'] == sha256(new File(basedir, 'target/lib-1.1.0.jar'))
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())

// checked as a CodeArtifact release before any upload, then uploaded with one token from GetAuthorizationToken (a URL
// taken for a plain Maven repository would have had no token: its PUTs refused with 401, the build failed)
def calls = ItCodeArtifact.calls(basedir)
assert calls.first() == 'DescribePackageVersion' : calls
assert calls.count('GetAuthorizationToken') == 1 : calls
assert calls.indexOf('GetAuthorizationToken') < calls.findIndexOf { it.startsWith('PUT ') } : calls
assert calls.count('PUT it/acme/lib/1.1.0/lib-1.1.0.jar') == 1 : calls
def log = new File(basedir, 'build.log').text
assert log.contains('Got a CodeArtifact token for domain acme (owner 123456789012, region us-east-1) from GetAuthorizationToken')
return true
