import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper
import java.security.MessageDigest

def it = ItProject.at(basedir)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'

// the image is in ECR under its release tags
def registry = ItRegistry.of(basedir)
def sha = 'sha-' + it.head().substring(0, 12)
assert registry.tags('orders') == ['1.1.0', 'latest', sha].sort()
assert release.image.digest == registry.digest('orders', '1.1.0')

// the artifacts are in CodeArtifact, Published, with this build's bytes
assert ItCodeArtifact.versions(basedir, 'releases', 'it.gantry', 'orders') == ['1.1.0': 'Published']
def assets = ItCodeArtifact.assetSha256(basedir, 'releases', 'it.gantry', 'orders', '1.1.0')
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
assert assets['orders-1.1.0.jar'] == sha256(new File(basedir, 'target/orders-1.1.0.jar'))
assert it.remoteTags().contains('v1.1.0=' + it.head())

// the re-run (release.json is the last run's) found everything in place
assert release.image.tags*.outcome.unique() == ['already-in-place']
assert release.artifacts.files*.outcome.unique() == ['already-published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'already-in-place']]

// the first run: one token from each service, CodeArtifact asked for the release once (by the image goal, before the
// image moved; the publish goal reuses the answer), each file sent once
def calls = ItCodeArtifact.calls(basedir)
def lastUpload = calls.findLastIndexOf { it.startsWith('PUT ') }
def firstRun = calls.take(lastUpload + 1)
assert firstRun.take(2) == ['DescribePackageVersion', 'GetAuthorizationToken'] : calls
assert firstRun.count('DescribePackageVersion') == 1 : calls
assert calls.count('GetAuthorizationToken') == 1 : calls
assert calls.count('PUT it/gantry/orders/1.1.0/orders-1.1.0.jar') == 1 : calls
assert ItEcr.calls(basedir).count('GetAuthorizationToken') == 2
// the re-run: two API calls for the one module, no token, no download, no upload
assert calls.drop(lastUpload + 1) == ['DescribePackageVersion', 'ListPackageVersionAssets'] : calls
def log = new File(basedir, 'build.log').text
assert log.contains('Got a CodeArtifact token for domain acme (owner 123456789012, region us-east-1)')
return true
