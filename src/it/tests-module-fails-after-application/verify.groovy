import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// shop-app is built before shop-it, whose tests then fail: the release never comes, so neither does its image
def log = new File(basedir, 'build.log').text
assert log.contains('The image of shop-app is written once every module of the release has reached the image goal.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/gantry/image.tar').exists()
assert !log.contains('Image written')
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status != 'succeeded'
assert release.image == null
assert !new File(basedir, '../tests-module-fails-after-application-maven-repo').exists()
assert ItProject.at(basedir).remoteTags().every { !it.startsWith('v2.0.0=') }
return true
