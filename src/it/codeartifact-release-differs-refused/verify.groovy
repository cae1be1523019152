import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper
import java.security.MessageDigest

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text
def head = it.head().substring(0, 7)
// the refusal names the package version, the file and the jar entries that differ, and says to bump the version
def line = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
def url = new File(basedir, '.mvn/maven.config').readLines().find { it.startsWith('-Dcodeartifact.url=') } - '-Dcodeartifact.url='
def refusal = "This release is already published in $url with different content: "
def jarDiffers = "lib-1.1.0.jar of it.acme:lib:1.1.0 differs in "
// The other build published pom.xml as lib-1.1.0.pom, as Maven 3.9 does. Maven 4 publishes its consumer POM as the .pom
// (and pom.xml as lib-1.1.0-build.pom): the published .pom is recognised as the project's POM, and only the jar differs.
def expected = refusal + jarDiffers
def entries = ['it/acme/Lib.class (changed)', 'META-INF/MANIFEST.MF (only in this build)',
               'it/acme/Old.class (only in the published copy)', '(SHA-256 in CodeArtifact ']
def why = "That release is not known to be this commit's (no release tag is on this commit $head), and a release is " +
        "immutable: bump the version in pom.xml."
assert line?.contains(expected), "build.log lacks: $expected"
assert line.contains(jarDiffers), "build.log lacks: $jarDiffers"
entries.each { assert line.contains(it), "the refusal lacks: $it" }
assert line.contains(why), "build.log lacks: $why"
assert !line.contains('lib-1.1.0.pom') : 'the pom is the project\'s and must not be named'

// judged before any upload: two API calls, then the one download that names the differing entries; no token, no PUT
// (under Maven 4 the published .pom, differing from the consumer POM, is downloaded too, then found by its SHA-256 to be
// the project's POM; the -build.pom, left out, has no origin controls asked)
def calls = ItCodeArtifact.calls(basedir)
assert calls == (mavenVersion.startsWith('4.')
        ? ['DescribePackageVersion', 'ListPackageVersionAssets', 'GetPackageVersionAsset', 'GetPackageVersionAsset']
        : ['DescribePackageVersion', 'ListPackageVersionAssets', 'GetPackageVersionAsset']) : calls
// CodeArtifact still holds the other build's 1.1.0, untouched
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib') == ['1.1.0': 'Published']
def sha256 = { byte[] b -> MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }
assert ItCodeArtifact.assetSha256(basedir, 'releases', 'it.acme', 'lib', '1.1.0')['lib-1.1.0.jar'] !=
        sha256(new File(basedir, 'target/lib-1.1.0.jar').bytes)
// the release is not tagged, and release.json says where it failed
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.failure.goal == 'publish'
assert release.failure.message.startsWith(expected)
assert release.artifacts == null && release.gitTags == []
return true
