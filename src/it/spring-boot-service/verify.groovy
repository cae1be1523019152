import dev.gantry.it.ItRegistry
import dev.gantry.testing.ImageLayers
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
def digest = registry.digest('greetings', '1.0.0-SNAPSHOT')
assert digest != null && release.image.digest == digest

// Boot's parent sets the jar plugin's <mainClass>${start-class}</mainClass> and start-class is not set: ignored, and
// said where the main class is named, without a warning (nothing to fix)
assert log.contains('Main class it.boot.GreetingsApplication (from the one class with a main method in ')
assert log.contains("found by jib-core's MainClassFinder). Ignored, as no property resolves it: \${start-class} "
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
File output = new File(basedir, 'target/image-run.log')
Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start()
try {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:$port/greeting"))
            .timeout(Duration.ofSeconds(5)).build()
    String answer = null
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (answer == null && process.isAlive() && System.nanoTime() < deadline) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString())
            assert response.statusCode() == 200
            answer = response.body()
        } catch (IOException notYet) {
            Thread.sleep(500)
        }
    }
    assert answer == 'Hello from the image', "no answer from the image's service; its output:\n" + output.text
} finally {
    process.destroy()
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)
    }
}
return true
