import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)

// 1: refused by the plan, before anything was built
def twice = "jib-maven-plugin's build goal runs in this mvn deploy (its execution push binds it to phase package) " +
        "and pushes the image of orders, and so does gantry:image: the image would be pushed twice, Jib's outside the " +
        "branch's rules (its tags, on any branch, with no check). Nothing was built or pushed. Let Gantry push the " +
        "image: bind that execution to <phase>none</phase> in the module's POM (mvn jib:dockerBuild still works)"
assert log.contains(twice), "build.log lacks: $twice"

// 2: named on the command line, after deploy: refused by the plan before Jib's turn
def named = "jib-maven-plugin's build goal runs in this mvn deploy (named on the command line: jib:build) and pushes " +
        "the image of orders, and so does gantry:image"
assert log.contains(named), "build.log lacks: $named"
assert log.contains("Nothing was built or pushed. Let Gantry push the image: run mvn deploy without jib:build; then " +
        "move Jib's image settings to Gantry's configuration too")

// 3 to 5: the feature branch, the dry run and the real run refused alike, before the image moved, each of Jib's
// settings named with what to write in Gantry's configuration
def base = new File(basedir, 'registry.host').text.trim() + '/base/java:1'
def notCarried = "jib-maven-plugin's configuration for module it.gantry:orders (in its POM or a parent's, a " +
        "<pluginManagement> included, or a -Djib.* property) shapes the image in ways Gantry's configuration does not, " +
        "and Gantry builds the image from its own configuration alone: <from><image> " +
        "(jib.from.image) is eclipse-temurin:17-jre; Gantry's is $base: set Gantry's <from>eclipse-temurin:17-jre</from> " +
        "(-Dgantry.image.from); <container><jvmFlags> (jib.container.jvmFlags) is <jvmFlag>-Xmx256m</jvmFlag>; " +
        "Gantry's is none: set Gantry's <jvmFlags><jvmFlag>-Xmx256m</jvmFlag></jvmFlags>; <container><environment> " +
        "(jib.container.environment) holds TZ=UTC, which Gantry's image does not: set <TZ>UTC</TZ> in Gantry's " +
        "<environment>; <container><ports> (jib.container.ports) holds 8080, which Gantry's image does not: set " +
        "<port>8080</port> in Gantry's <ports>. Nothing was pushed. Set each of Gantry's parameters as named"
// once per run on Maven's own line: the feature branch's, the dry run's, then the real run's
assert log.readLines().count { it.startsWith('[ERROR] Failed to execute goal') && it.contains(notCarried) } == 3,
        "build.log lacks three times: $notCarried"
// Jib ran in 7 only: not in 1 and 2 (refused in validate), not in 3 to 6 (its execution bound to phase none)
assert log.contains('--- gantry:'), 'the goals are logged as "--- prefix:version:goal"'
assert log.readLines().count { it.contains('--- jib:') } == 1, 'Jib ran once, in run 7 only'


// 7: Jib bound to pre-clean ran in mvn clean deploy before the plan (Maven's plan of the module says so), and pushed
def early = "jib-maven-plugin's build goal runs in this mvn deploy (its execution push binds it to phase pre-clean) " +
        "and pushes the image of orders, and so does gantry:image: the image would be pushed twice, Jib's outside the " +
        "branch's rules (its tags, on any branch, with no check). That goal, bound to the clean lifecycle, ran before " +
        "this check and may have pushed its image; Gantry built and pushed nothing."
assert log.contains(early), "build.log lacks: $early"
assert registry.tags('orders-jib') == ['latest']

// 6 (and 7): one develop deploy's image and no other: the refused runs pushed nothing, published nothing
def sha = 'sha-' + ItProject.at(basedir).head().substring(0, 12)
assert registry.tags('orders') == [sha, '1.2.0-SNAPSHOT', 'develop', 'dev-latest'].sort()
assert ItRegistry.requestsAnswered(basedir).count { it.startsWith('PUT /v2/orders/manifests/') } == 4
def config = registry.config('orders', sha).get('config')
assert config.get('Env').collect { it.asText() }.contains('TZ=UTC')
assert config.get('ExposedPorts').has('8080/tcp')
assert config.get('Entrypoint').collect { it.asText() }.contains('-Xmx256m')
def repo = new File(basedir, '../jib-left-in-the-pom-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT')
assert repo.list().findAll { it ==~ /orders-1\.2\.0-\d{8}\.\d{6}-\d+\.jar/ }.size() == 1
return true
