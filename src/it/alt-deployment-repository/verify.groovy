import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def alt = new File(basedir, '../alt-deployment-repository-alt-repo')
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable'
assert plan.artifacts.repository == 'file:' + alt.canonicalPath

// published where maven-deploy-plugin would have deployed, not to distributionManagement
assert new File(alt, 'it/gantry/orders/1.1.0/orders-1.1.0.jar').isFile()
assert new File(alt, 'it/gantry/orders/1.1.0/orders-1.1.0.pom').isFile()
assert !new File(basedir, '../alt-deployment-repository-maven-repo').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Published it.gantry:orders:jar:1.1.0 to file:')

// the first build: refused in validate, by the plan, naming what was found and what is expected; no credentials shown
def expected = "maven-deploy-plugin's altDeploymentRepository is 'https://nexus.example.com/releases', which is not " +
        "<server id>::<url>"
assert log.contains(expected), "build.log lacks: $expected"
assert !log.contains(dev.gantry.testing.PlantedSecrets.MARKER) // as PlantedSecretsScan checks every file the ITs wrote
assert !log.substring(0, log.indexOf(expected)).contains('--- compiler:') // nothing compiled before the refusal
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
