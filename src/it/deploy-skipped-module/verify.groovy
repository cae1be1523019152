import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Not published, as maven-deploy-plugin is told to skip them (maven.deploy.skip or its <skip>): shop-app, shop-bench, shop-tools.')

// published what maven-deploy-plugin would have deployed: the parent and the library, not the application
def repo = new File(basedir, '../deploy-skipped-module-maven-repo/it/gantry/shop')
assert new File(repo, 'shop/2.0.0/shop-2.0.0.pom').isFile()
assert new File(repo, 'shop-lib/2.0.0/shop-lib-2.0.0.jar').isFile()
assert !new File(repo, 'shop-app').exists()
assert !new File(repo, 'shop-bench').exists() // its own version (0.0.1-SNAPSHOT) is no reason to refuse: never published
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.name.every { !it.contains('shop-app') }
assert release.artifacts.files*.name.contains('it.gantry.shop:shop-lib:jar:2.0.0')

// the application's image is built all the same, from the application module, and the release is tagged
assert release.image.tags*.outcome.unique() == ['written']
assert new File(basedir, 'target/gantry/image.tar').isFile()
assert log.contains('Main class it.shop.app.App')
// tagged by run 1, which left shop-bench out; run 2 found the tag in place
assert log.count('v2.0.0 created on ') == 1
assert !log.contains('This build leaves out modules of the reactor')
assert release.gitTags == [[name: 'v2.0.0', outcome: 'already-in-place']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v2.0.0=' + it.head())
return true
