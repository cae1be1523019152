import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the refusal is CodeArtifact's own wording, naming the IAM action, once: not a transfer failure retried three times
def line = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line?.contains('sts:GetServiceBearerToken') : line
assert line.contains('GetAuthorizationToken') : line
assert !line.contains('after 3 attempts') : line
def calls = ItCodeArtifact.calls(basedir)
assert calls.count('GetAuthorizationToken') == 1 : calls

// nothing was uploaded (Resolver's first PUT goes without credentials, is challenged, and then no token comes), the
// release is not tagged
assert calls.count { it.startsWith('PUT ') } <= 1 : calls
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib').isEmpty()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed' && release.failure.goal == 'publish'
return true
