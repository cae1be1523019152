import dev.gantry.it.ItRegistry
import dev.gantry.testing.ImageLayers
import java.nio.file.Files
import java.nio.file.Path

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// shade moved ${project.basedir} to target/ once it wrote the dependency-reduced POM there
assert new File(basedir, 'target/dependency-reduced-pom.xml').isFile()

// the class shade's manifest names, not a refusal for the two main methods
assert log.contains("Main class it.orders.App (from the Main-Class of maven-shade-plugin's ManifestResourceTransformer).")
def registry = ItRegistry.of(basedir)
def digest = registry.digest('orders', '1.0.0-SNAPSHOT')
Path root = new File(basedir, 'target/image-root').toPath()
def files = ImageLayers.unpack(registry, 'orders', digest, root).flatten()
// src/main/jib of the module's own directory, not of target/
assert files.contains('config/app.yml')
assert Files.readString(root.resolve('config/app.yml')) == 'greeting: hello\n'

// the image starts the service
def entrypoint = registry.config('orders', '1.0.0-SNAPSHOT').path('config').path('Entrypoint').collect { it.asText() }
assert entrypoint.last() == 'it.orders.App'
Path classpathFile = root.resolve('app/jib-classpath-file')
Files.writeString(classpathFile, Files.readString(classpathFile).replace('/app/', root.toString() + '/app/'))
def command = entrypoint.collect { it == 'java' ? Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        : it.replace('/app/', root.toString() + '/app/') }
def run = new ProcessBuilder(command).redirectErrorStream(true).start()
assert run.inputStream.text.trim() == 'Hello from the shaded service'
assert run.waitFor() == 0

// published as maven-deploy-plugin publishes a shaded module: under Maven 3.9 the dependency-reduced POM (Maven 4
// publishes its consumer POM, made from the model, as maven-deploy-plugin does there), and the shaded jar
def published = new File(basedir, '../shaded-service-maven-repo/it/gantry/orders/1.0.0-SNAPSHOT')
def pom = published.listFiles().find { it.name.endsWith('.pom') && !it.name.endsWith('-build.pom') }
if (!mavenVersion.startsWith('4.')) {
    assert pom.bytes == new File(basedir, 'target/dependency-reduced-pom.xml').bytes
}
def jar = published.listFiles().find { it.name.endsWith('.jar') }
assert new java.util.zip.ZipFile(jar).withCloseable { it.getEntry('com/google/gson/Gson.class') != null } // shaded
return true
