import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text

// everything comes from the parent: Gantry (from its pluginManagement, as a build extension), CycloneDX, git-commit-id
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.version == '1.1.0' && plan.gitTag == 'v1.1.0'
assert !log.contains('Skipping CycloneDX')
assert !log.contains('(default-deploy)') && !log.contains('maven.deploy.skip')
def sbom = new File(basedir, 'target/classes/META-INF/sbom/application.cdx.json')
assert sbom.isFile()
assert new File(basedir, 'target/classes/git.properties').isFile()

def repo = new File(basedir, '../boot-platform-service-maven-repo/it/gantry/orders/1.1.0')
assert new File(repo, 'orders-1.1.0.jar').isFile()
assert new File(repo, 'orders-1.1.0-cyclonedx.json').bytes == sbom.bytes
assert it.remoteTags().contains('v1.1.0=' + it.head())

def registry = ItRegistry.of(basedir)
assert registry.tags('orders').contains('1.1.0')
def config = registry.config('orders', '1.1.0').path('config')
assert config.path('Entrypoint').toString().contains('it.orders.App')
return true
