import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

// mvn install plans (the version is checked in validate) but pushes, publishes and tags nothing
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'stable'
assert ItRegistry.of(basedir).tags('orders').isEmpty()
assert !new File(basedir, '../install-changes-nothing-maven-repo').exists()
def it = ItProject.at(basedir)
assert !it.localTags().contains('v1.1.0')
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
assert !new File(basedir, 'target/gantry/release.json').exists()
return true
