import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper
import java.util.zip.GZIPInputStream
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream

def it = ItProject.at(basedir)
def log = new File(basedir, 'build.log').text

// CycloneDX made the SBOM: Gantry left maven-deploy-plugin in the model (unbound), so the module counts as deployed
assert !log.contains('Skipping CycloneDX')
assert !log.contains('maven.deploy.skip')
def sbom = new File(basedir, 'target/classes/META-INF/sbom/application.cdx.json')
assert sbom.isFile()
assert new JsonSlurper().parse(sbom).metadata.component.name == 'orders'
assert new File(basedir, 'target/classes/git.properties').text.contains('git.commit.id=' + it.head())

// published once, by Gantry, beside the jar; maven-deploy-plugin never ran
assert !log.contains('(default-deploy)')
def repo = new File(basedir, '../sbom-published-and-in-image-maven-repo/it/gantry/orders/1.1.0')
assert new File(repo, 'orders-1.1.0.jar').isFile()
assert new File(repo, 'orders-1.1.0-cyclonedx.json').bytes == sbom.bytes
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
def published = release.artifacts.files.findAll { it.outcome == 'published' }*.name
assert published == published.unique(false) && published.size() == release.artifacts.files.size()
assert published.any { it.contains(':json:cyclonedx:') }
assert log.readLines().count { it.startsWith('[INFO] Uploading to ') && it.endsWith('/orders-1.1.0-cyclonedx.json') } == 1

// in the image, with the classes' other files: the SBOM and git.properties
def registry = ItRegistry.of(basedir)
def files = [:]
registry.manifest('orders', '1.1.0').json().path('layers').each { layer ->
    def tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(registry.blob('orders', layer.path('digest').asText()))))
    for (def entry = tar.nextEntry; entry != null; entry = tar.nextEntry) {
        if (entry.isFile()) {
            files[entry.name] = tar.readAllBytes()
        }
    }
}
def inImage = files.find { name, bytes -> name.endsWith('/META-INF/sbom/application.cdx.json') }
assert inImage != null, "no SBOM among ${files.keySet()}"
assert inImage.value == sbom.bytes
assert files.keySet().any { it.endsWith('/git.properties') }
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
