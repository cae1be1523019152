import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

// -Dgantry.image.skip=true: the plan promises no image, so that nothing reports a release it did not make
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'snapshot'
assert plan.image == null
assert plan.artifacts.mode == 'replace-snapshot'
def log = new File(basedir, 'build.log').text
assert !log.contains('Image built from module')
assert log.contains('No image: no module builds it in this build: an image is built from a module packaged jar (or '
        + 'quarkus), and none is, or each one skips it (gantry.skip, gantry.image.skip or <skipImage>).')

// the artifacts are published, the registry has nothing
def repo = new File(basedir, '../image-skipped-not-promised-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT')
assert repo.list().any { it ==~ /orders-1\.2\.0-\d{8}\.\d{6}-1\.jar/ }
assert ItRegistry.of(basedir).tags('orders').isEmpty()

// and release.json says what was done: the artifacts, no image
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.image == null
assert release.artifacts != null
return true
