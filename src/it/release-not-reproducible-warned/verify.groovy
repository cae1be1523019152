import groovy.json.JsonSlurper

// the release is published, and under Maven 3 the build says once that a re-run would not rebuild the same jar, and how to fix it
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.outcome.unique() == ['published']

def log = new File(basedir, 'build.log').text
def expected = "[WARNING] The release's jars are not reproducible: orders has no project.build.outputTimestamp property, " +
        "so each jar entry carries the build's time and a re-run of this release will differ from the published files " +
        "(and be refused unless its tag, its image or a jar's git.properties names this commit). Set <project.build.outputTimestamp>2026-01-01T00:00:00Z" +
        "</project.build.outputTimestamp> in the <properties> of the top-level POM"
// Maven 4's super POM sets project.build.outputTimestamp (1980-02-01T00:00:00Z): its jars are reproducible, no warning
assert log.count(expected) == (mavenVersion.startsWith('4.') ? 0 : 1)
return true
