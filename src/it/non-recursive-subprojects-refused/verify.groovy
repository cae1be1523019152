import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def expected = 'This build is not recursive (-N, --non-recursive): Maven builds only m4-root, not the modules it lists ' +
        '(lib), and a release is made of every module: nothing is published.'
assert log.contains(expected), "build.log lacks: $expected"
assert !new File(basedir, '../non-recursive-subprojects-refused-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v2.0.0=') }
return true
