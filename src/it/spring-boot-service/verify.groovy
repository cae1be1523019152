import dev.gantry.it.ItImageCommand
import dev.gantry.it.ItRegistry
import dev.gantry.testing.ImageLayers
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
def digest = registry.digest('greetings', '1.0.0-SNAPSHOT')
assert digest != null && release.image.digest == digest

// Boot's parent sets the jar plugin's <mainClass>${start-class}</mainClass> and start-class is not set: ignored, and
// said where the main class is named, without a warning (nothing to fix)
assert log.contains('Main class it.boot.GreetingsApplication (from the one class with a main method in ')
assert log.contains("found by jib-core's MainClassFinder). Passed over, its expression unresolved: \${start-class} "
        + '(<archive><manifest><mainClass> of the maven-jar-plugin).')
assert !log.contains('[WARNING] Main class')
assert log.contains('Left out of the image: org.springframework.boot:spring-boot-devtools (')
// repackage ran (the fat jar replaced the module's jar), and the image was built from the classes all the same
assert new File(basedir, 'target/greetings-1.0.0-SNAPSHOT.jar.original').isFile()

Path root = new File(basedir, 'target/image-root').toPath()
def layers = ImageLayers.unpack(registry, 'greetings', digest, root)
def files = layers.flatten()
assert files.contains('app/classes/it/boot/GreetingsApplication.class')
assert files.contains('app/resources/git.properties') // git-commit-id's output is in the image
assert files.any { it ==~ /app\/libs\/spring-webmvc-.*\.jar/ }
assert !files.any { it.contains('devtools') }
assert !files.any { it.contains('BOOT-INF') || it.contains('greetings-1.0.0-SNAPSHOT') }
assert layers.last() as Set == ['app/', 'app/jib-classpath-file', 'app/jib-main-class-file'] as Set

def config = registry.config('greetings', digest).path('config')
List<String> entrypoint = config.path('Entrypoint').collect { it.asText() }
assert entrypoint == ['java', '-cp', '@/app/jib-classpath-file', 'it.boot.GreetingsApplication']
Path classpathFile = root.resolve('app/jib-classpath-file')
String classpath = Files.readString(classpathFile)
assert classpath.startsWith('/app/resources:/app/classes:/app/libs/')
assert !classpath.contains('devtools') && !classpath.contains('*')
assert Files.readString(root.resolve('app/jib-main-class-file')) == 'it.boot.GreetingsApplication'

// Start the entrypoint's Java command with the host's java against the unpacked files. The image's paths all start
// with /app/: they are rewritten to the unpacked directory, in the command and in the classpath file it reads.
Files.writeString(classpathFile, classpath.replace('/app/', root.toString() + '/app/'))
def command = entrypoint.collect { it == 'java' ? Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        : it.replace('/app/', root.toString() + '/app/') }
int port = new ServerSocket(0).withCloseable { it.localPort }
command += ['--server.port=' + port]
def answer = ItImageCommand.answer(command, basedir, new File(basedir, 'target/image-run.log'),
        URI.create("http://127.0.0.1:$port/greeting"))
assert answer == 'Hello from the image'
return true
