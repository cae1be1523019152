import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItEcr
import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'none'
assert plan.reason.startsWith('1.1.0 is already released (tag v1.1.0 on ')
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image == null && release.artifacts == null && release.gitTags == []

// no call at all: neither an AWS API (no token, no look-up) nor the registry behind ECR, nor CodeArtifact's Maven side
assert ItEcr.calls(basedir) == [] : ItEcr.calls(basedir)
assert ItCodeArtifact.calls(basedir) == [] : ItCodeArtifact.calls(basedir)
def log = new File(basedir, 'build.log').text
assert log.contains('Gantry plan: none — 1.1.0 on main')
// the publish goal says the plan's reason once, not 'Nothing to publish: … nothing to publish.'
assert log.contains('[INFO] 1.1.0 is already released (tag v1.1.0 on ')
assert !log.contains('Nothing to publish: 1.1.0 is already released')
return true
