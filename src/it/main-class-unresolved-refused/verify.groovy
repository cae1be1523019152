import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def log = new File(basedir, 'build.log').text
def classes = new File(basedir, 'target/classes').canonicalPath
def expected = 'No main class found in ' + classes + ': the image needs one to start. Passed over, its expression unresolved: ' +
        '${start-class} (<archive><manifest><mainClass> of the maven-jar-plugin). Set <mainClass> in the ' +
        'gantry-maven-plugin configuration (or -Dgantry.image.mainClass=com.example.Main), or the start-class property ' +
        "(Spring Boot's convention), or <archive><manifest><mainClass> in the maven-jar-plugin configuration, or the " +
        "exec.mainClass property (exec-maven-plugin's and Micronaut's convention). If module it.gantry:orders is a " +
        'library, not a service, it needs no image: set <gantry.image.skip>true</gantry.image.skip> in the ' +
        "<properties> of its POM (a parent POM's image settings, such as its <imageRepository>, reach libraries that " +
        'inherit them too).'
assert log.contains(expected), "build.log lacks: $expected"
assert log.contains('gantry-maven-plugin:0.1.0-SNAPSHOT:image')
// nothing pushed, published or tagged
assert ItRegistry.of(basedir).tags('orders').isEmpty()
assert !new File(basedir, '../main-class-unresolved-refused-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
