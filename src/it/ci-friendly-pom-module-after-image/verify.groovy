import groovy.json.JsonSlurper

// lib-bom, a pom module after the image's module (lib-app) that does not build the image, is flattened only when Maven
// reaches it: the image goal's check of what publish will deliver, made before lib-bom is built, takes its POM as it
// will be then, not as written, and the publish checks it once it is flattened
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
def repo = new File(basedir, '../ci-friendly-pom-module-after-image-maven-repo/it/gantry/lib')
['lib-parent', 'lib-core', 'lib-app', 'lib-bom'].each { name ->
    def pom = new File(repo, "$name/1.1.0/$name-1.1.0.pom")
    assert pom.isFile()
    assert !pom.text.contains('${revision}')
}
def it = dev.gantry.it.ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
