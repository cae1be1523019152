import dev.gantry.it.ItMavenRepository
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def released = new File(basedir, '../publish-with-credentials-in-the-url-http-repo/it/gantry/orders/1.1.0')
assert new File(released, 'orders-1.1.0.jar').bytes == new File(basedir, 'target/orders-1.1.0.jar').bytes
assert new File(released, 'orders-1.1.0.pom').isFile()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.artifacts.files*.outcome.unique() == ['published']
assert release.artifacts.repository.startsWith('http://127.0.0.1:')
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
def log = new File(basedir, 'build.log').text
// Maven's transfer log names the repository by a URL without credentials
assert log =~ /Uploaded to it-alt: http:\/\/127\.0\.0\.1:\d+\/.*orders-1\.1\.0\.jar/
assert !log.contains(ItMavenRepository.PASSWORD)
assert !log.contains(ItMavenRepository.PASSWORD.bytes.encodeBase64().toString())
return true
