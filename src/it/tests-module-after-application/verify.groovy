import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// run 1 (-pl app -am): the module of tests left out is named, and the build refused in validate
assert log.contains('This build leaves out modules of the reactor (shop-it), as -pl or -rf do')
assert log.contains('A module that runs Gantry\'s goals is part of the release even when it is not published (a module ' +
        'of tests gates it)')
// the image is the application's, not that of the module of tests listed after it
assert log.contains("Image built from module shop-app: the reactor's last module with packaging jar and main sources " +
        "of its own (<imageModule> or -Dgantry.image.module names another).")
assert log.contains('Main class it.shop.app.App')
// said once, with the plan, not again by each module
assert !log.contains("No image for shop-it")
// written (the embedded default's tar) once the module of tests after it has reached the image goal, by that module
assert log.contains('The image of shop-app is written once every module of the release has reached the image goal.')
assert log.contains('Writing the image of shop-app, now that every module of the release has reached the image goal.')
assert !log.contains('No main class found')
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image.tags*.outcome.unique() == ['written']
assert new File(basedir, 'target/gantry/image.tar').isFile()

// the module of tests is not deployed (maven.deploy.skip), the others are; the release is tagged
def repo = new File(basedir, '../tests-module-after-application-maven-repo/it/gantry/shop')
assert new File(repo, 'shop-app/2.0.0/shop-app-2.0.0.jar').isFile()
assert new File(repo, 'shop-lib/2.0.0/shop-lib-2.0.0.jar').isFile()
assert !new File(repo, 'shop-it').exists()
assert release.gitTags == [[name: 'v2.0.0', outcome: 'pushed']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v2.0.0=' + it.head())
return true
