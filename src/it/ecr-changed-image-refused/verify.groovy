import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def registry = ItRegistry.of(basedir)
def foreign = new File(basedir, 'foreign.digest').text.trim()
def log = new File(basedir, 'build.log').text
def expected = 'orders:1.1.0 is already released as ' + foreign + ' (built from an unknown commit'
assert log.contains(expected), "build.log lacks: $expected"
assert !log.contains('TAG_INVALID') && !log.contains('may not support')
// latest stays put, nothing was pushed under any tag, nothing was published or tagged
assert registry.digest('orders', 'latest') == foreign
assert registry.tags('orders') == ['1.1.0', 'latest']
assert !ItEcr.calls(basedir).any { it.startsWith('PUT manifests/') }
assert !new File(basedir, '../ecr-changed-image-refused-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
