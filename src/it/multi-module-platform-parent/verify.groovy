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
def log = new File(basedir, 'build.log').text
if (mavenVersion.startsWith('4.')) {
    // as maven-deploy-plugin under Maven 4: each .pom is the consumer POM, the POM as written is the -build.pom
    assert release.artifacts.files.size() == 8 // shop pom + build pom, lib and app pom + build pom + jar
    ['shop', 'shop-lib', 'shop-app'].each { module ->
        def pom = new File(repo, "${module}/2.0.0/${module}-2.0.0.pom").text
        assert pom.contains("<artifactId>${module}</artifactId>") && !pom.contains('<modules>')
        assert new File(repo, "${module}/2.0.0/${module}-2.0.0-build.pom").isFile()
        assert !new File(repo, "${module}/2.0.0/${module}-2.0.0-consumer.pom").exists()
    }
    assert new File(repo, 'shop/2.0.0/shop-2.0.0-build.pom').text.contains('<module>lib</module>')
} else {
    assert release.artifacts.files.size() == 5 // shop pom, lib pom + jar, app pom + jar
    assert !new File(repo, 'shop/2.0.0/shop-2.0.0-build.pom').exists()
}
assert release.gitTags == [[name: 'v2.0.0', outcome: 'pushed']]
assert it.remoteTags().contains('v2.0.0=' + it.head())

// one image for the reactor, built from the application module (the last jar module), with the library inside
def registry = ItRegistry.of(basedir)
assert registry.tags('shop').contains('2.0.0')
def config = registry.config('shop', '2.0.0').path('config')
assert config.path('Entrypoint').toString().contains('it.shop.app.App')
assert release.image.tags*.outcome.unique() == ['pushed']

assert log.count('Gantry plan: stable') == 1 // planned once, not per module
// the parent loads Gantry as a build extension: maven-deploy-plugin is unbound in every module, no property is set
assert !log.contains('(default-deploy)') && !log.contains('maven.deploy.skip')
return true
