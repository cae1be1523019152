import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the version this commit changes is read from the parent commit's .mvn/maven.properties, as Maven 4 built it
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.version == '1.1.0'
assert plan.previousVersion == '1.0.0'
assert plan.release == 'stable'
def repo = new File(basedir, '../ci-friendly-version-in-maven-properties-maven-repo/it/gantry/props-lib')
assert new File(repo, '1.1.0/props-lib-1.1.0.jar').isFile()
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
