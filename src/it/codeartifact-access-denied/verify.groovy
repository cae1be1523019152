import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the refusal says what CodeArtifact denied, names the IAM action and the package's ARN, and what to do; it does not
// blame a settings.xml server there is none of
def line = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
def expected = 'CodeArtifact denied the upload to repository releases in domain acme (owner 123456789012, region ' +
        'us-east-1) (HTTP 403): the credentials the build runs with (the token came from GetAuthorizationToken with ' +
        'them) lack codeartifact:PublishPackageVersion on ' +
        'arn:aws:codeartifact:us-east-1:123456789012:package/acme/releases/maven/it.acme/lib. Allow ' +
        'codeartifact:PublishPackageVersion and codeartifact:PutPackageMetadata on the package and ' +
        'codeartifact:ReadFromRepository on the repository in the IAM policy of the role or user the build runs as ' +
        '(docs/codeartifact.md lists the minimal policy), and check that no domain or repository policy denies them. ' +
        'Re-run the pipeline once it is fixed: what was published is kept.'
assert line?.contains(expected) : line
assert !line.contains('settings.xml were refused') : line

// nothing was published, the release is not tagged
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib').isEmpty()
assert !ItCodeArtifact.calls(basedir).contains('PUT it/acme/lib/maven-metadata.xml')
def it = ItProject.at(basedir)
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.failure.goal == 'publish'
assert release.gitTags == []
return true
