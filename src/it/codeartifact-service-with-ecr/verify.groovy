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
assert release.image.tags*.outcome.unique() == ['pushed']

// the artifacts are in CodeArtifact, Published, with this build's bytes
assert ItCodeArtifact.versions(basedir, 'releases', 'it.gantry', 'orders') == ['1.1.0': 'Published']
def assets = ItCodeArtifact.assetSha256(basedir, 'releases', 'it.gantry', 'orders', '1.1.0')
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
assert assets['orders-1.1.0.jar'] == sha256(new File(basedir, 'target/orders-1.1.0.jar'))
assert release.artifacts.files*.outcome.unique() == ['published']

// then the release tag, last
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
assert it.remoteTags().contains('v1.1.0=' + it.head())

// one token from each service; CodeArtifact was asked for the release before anything moved (by the image goal, before
// the image was pushed, and again by the publish goal), then sent each file once
assert ItEcr.calls(basedir).count('GetAuthorizationToken') == 1
def calls = ItCodeArtifact.calls(basedir)
assert calls.take(3) == ['DescribePackageVersion', 'DescribePackageVersion', 'GetAuthorizationToken'] : calls
assert calls.count('GetAuthorizationToken') == 1 : calls
assert calls.count('PUT it/gantry/orders/1.1.0/orders-1.1.0.jar') == 1 : calls
def log = new File(basedir, 'build.log').text
assert log.contains('Got a CodeArtifact token for domain acme (owner 123456789012, region us-east-1)')
return true
