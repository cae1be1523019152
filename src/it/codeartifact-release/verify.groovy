import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper
import java.security.MessageDigest

// the release is in CodeArtifact, Published, with this build's bytes
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib') == ['1.1.0': 'Published']
def assets = ItCodeArtifact.assetSha256(basedir, 'releases', 'it.acme', 'lib', '1.1.0')
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
assert assets['lib-1.1.0.jar'] == sha256(new File(basedir, 'target/lib-1.1.0.jar'))
assert assets.keySet().containsAll(['lib-1.1.0.pom', 'maven-metadata.xml']) : assets
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())

// the first run uploaded each file once, with one token; the re-run found everything in place
def calls = ItCodeArtifact.calls(basedir)
assert calls.count('GetAuthorizationToken') == 1 : calls
assert calls.count('PUT it/acme/lib/1.1.0/lib-1.1.0.jar') == 1 : calls
assert calls.count('PUT it/acme/lib/maven-metadata.xml') == 1 : calls
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['already-published'] : release.artifacts
assert release.gitTags == [[name: 'v1.1.0', outcome: 'already-in-place']]

// the re-run's calls (those after the first run's last upload): two API calls for the one module, no token, no
// download, no upload
def lastUpload = calls.findLastIndexOf { it.startsWith('PUT ') }
assert calls.drop(lastUpload + 1) == ['DescribePackageVersion', 'ListPackageVersionAssets'] : calls

// the token never reaches the log, not even with -X: neither the token (the stand-in's start with eyJ and hex) nor a
// Basic header with it; the log says where it came from
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert !(log =~ /eyJ[0-9a-f]{16}/)
assert !log.contains('Basic YXdz')
assert log.contains('Got a CodeArtifact token for domain acme (owner 123456789012, region us-east-1) from GetAuthorizationToken')
return true
