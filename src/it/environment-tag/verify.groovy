import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.release == 'snapshot'
assert plan.environmentTag == 'deploy/dev/current'
assert plan.image.tags*.name.contains('develop')
assert !plan.image.tags*.name.contains('dev-latest') // the POM's rule replaces the preset
assert it.remoteTags().contains('deploy/dev/current=' + it.head())
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.gitTags == [[name: 'deploy/dev/current', outcome: 'moved']]
return true
