import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
// one plan for the reactor, in the top-level project
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable' && plan.version == '2.0.0' && plan.previousVersion == '1.0.0'
assert !new File(basedir, 'lib/target/gantry/plan.json').exists()
assert !new File(basedir, 'app/target/gantry/plan.json').exists()

def repo = new File(basedir, '../multi-module-platform-parent-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-lib/2.0.0/shop-lib-2.0.0.jar').isFile()
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.artifacts.files.size() == 5 // shop pom, lib pom + jar, app pom + jar
assert release.gitTags == [[name: 'v2.0.0', outcome: 'pushed']]
assert it.remoteTags().contains('v2.0.0=' + it.head())

// one image for the reactor, built from the application module (the last jar module), with the library inside
def registry = ItRegistry.of(basedir)
assert registry.tags('shop').contains('2.0.0')
def config = registry.config('shop', '2.0.0').path('config')
assert config.path('Entrypoint').toString().contains('it.shop.app.App')
assert release.image.tags*.outcome.unique() == ['pushed']

def log = new File(basedir, 'build.log').text
assert log.count('Gantry plan: stable') == 1 // planned once, not per module
// the parent loads Gantry as a build extension: maven-deploy-plugin is unbound in every module, no property is set
assert !log.contains('(default-deploy)') && !log.contains('maven.deploy.skip')
return true
