import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def log = new File(basedir, 'build.log').text
def registry = ItRegistry.of(basedir)

// 1: refused by the plan in validate, from the model: the execution has no <phase>, the goal's own is package
def twice = "spring-boot-maven-plugin's build-image-no-fork goal runs in this mvn deploy (its execution image, without " +
        "<phase>, runs at the goal's default phase, package) with publishing on (<image><publish>true</publish></image> " +
        "in its configuration), and pushes an image of greetings, and so does gantry:image: the image would be pushed " +
        "twice, Spring Boot's outside the branch's rules (its tags, on any branch, with no check). Nothing was built or " +
        "pushed. Let Gantry push the image: turn its publishing off where it is set"
assert log.readLines().count { it.startsWith('[ERROR] Failed to execute goal') && it.contains(twice) } == 1,
        "build.log lacks once on Maven's error line: $twice"
assert log.contains('<spring-boot.build-image.skip>true</spring-boot.build-image.skip>')

// 2: with Spring Boot's image skipped, Gantry's develop deploy: one image, its tags, and one snapshot published.
// Spring Boot's goal ran, told to skip (it pushes to registry.example.com, which this machine cannot reach: a push
// would have failed the build), and the test registry holds Gantry's one build.
assert log.readLines().any { it.startsWith('[INFO] --- spring-boot:') && it.contains(':build-image-no-fork (image) @ greetings') }
def sha = 'sha-' + ItProject.at(basedir).head().substring(0, 12)
assert registry.tags('greetings') == [sha, '1.0.0-SNAPSHOT', 'develop', 'dev-latest'].sort()
assert ItRegistry.requestsAnswered(basedir).count { it.startsWith('PUT /v2/greetings/manifests/') } == 4
def repo = new File(basedir, '../image-pushed-by-another-plugin-maven-repo/it/gantry/greetings/1.0.0-SNAPSHOT')
assert repo.list().findAll { it ==~ /greetings-1\.0\.0-\d{8}\.\d{6}-\d+\.jar/ }.size() == 1
return true
