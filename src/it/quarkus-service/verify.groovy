import dev.gantry.it.ItImageCommand
import dev.gantry.it.ItRegistry
import dev.gantry.testing.ImageLayers
import groovy.json.JsonSlurper
import java.nio.file.Path

def log = new File(basedir, 'build.log').text

// first run, packaged as an uber-jar: no fast-jar, refused in the image goal before anything was pushed
def refusal = 'Module hello-quarkus runs Quarkus\'s build (quarkus-maven-plugin:build), but this build left no fast-jar at ' +
        new File(basedir, 'target/quarkus-app/quarkus-run.jar').path
assert log.contains(refusal), 'build.log lacks the refusal of the uber-jar'
String firstRun = log.substring(0, log.indexOf(refusal))
assert !firstRun.contains('Pushing image')

// second run, Quarkus's default package: the image holds the fast-jar and starts Quarkus's runner
def registry = ItRegistry.of(basedir)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
def digest = registry.digest('hello-quarkus', '1.0.0-SNAPSHOT')
assert digest != null && release.image.digest == digest
assert log.contains("Quarkus service: the image holds Quarkus's fast-jar, " + new File(basedir, 'target/quarkus-app').path
        + ', and starts it with java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar /app/quarkus-run.jar'
        + ' (io.quarkus.bootstrap.runner.QuarkusEntryPoint).')
assert !log.contains('No main class found')

Path root = new File(basedir, 'target/image-root').toPath()
def layers = ImageLayers.unpack(registry, 'hello-quarkus', digest, root)
def files = layers.flatten()
assert files.contains('app/quarkus-run.jar')
assert files.contains('app/app/hello-quarkus-1.0.0-SNAPSHOT.jar')
assert files.contains('app/quarkus/quarkus-application.dat')
assert files.any { it ==~ /app\/lib\/boot\/io\.quarkus\.quarkus-bootstrap-runner-.*\.jar/ }
assert files.any { it ==~ /app\/lib\/main\/io\.vertx\.vertx-core-.*\.jar/ }
assert !files.any { it.startsWith('app/classes/') || it.startsWith('app/libs/') || it.contains('jib-classpath-file') }
// the dependencies first, the application last (after the base image's): a code change re-uploads the last layer only
def ours = layers.collect { layer -> layer.findAll { it.startsWith('app/') && !it.endsWith('/') } }.findAll { !it.isEmpty() }
assert ours.size() == 2 // release dependencies, then the application (no snapshot dependency here)
assert ours.first().every { it.startsWith('app/lib/') }
assert ours.last().contains('app/quarkus-run.jar') && !ours.last().any { it.startsWith('app/lib/') }

def config = registry.config('hello-quarkus', digest).path('config')
List<String> entrypoint = config.path('Entrypoint').collect { it.asText() }
assert entrypoint == ['java', '-Djava.util.logging.manager=org.jboss.logmanager.LogManager', '-jar', '/app/quarkus-run.jar']

// Start the entrypoint's Java command with the host's java against the unpacked files (the image's /app rewritten to
// the unpacked directory), on a free port, and ask the service.
int port = new ServerSocket(0).withCloseable { it.localPort }
def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), "-Dquarkus.http.port=$port".toString()]
command += entrypoint.drop(1).collect { it.replace('/app/', root.toString() + '/app/') }
def answer = ItImageCommand.answer(command, root.toFile(), new File(basedir, 'target/image-run.log'),
        URI.create("http://127.0.0.1:$port/greeting"))
assert answer == 'Hello from the Quarkus image'
return true
