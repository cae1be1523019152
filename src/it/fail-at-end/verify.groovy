import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// -fae let the reactor go on past the broken module: still, nothing is published and nothing tagged
def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR')
assert !log.contains('Not running plan') && !log.contains('Not running image')
assert !new File(basedir, '../fail-at-end-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v2.0.0=') }
return true
