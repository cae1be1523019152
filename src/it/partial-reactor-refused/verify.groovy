import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def preview = '[WARNING] This build leaves out modules of the release (shop-app, shop), as -pl or -rf do: it previews the ' +
        'plan, and mvn deploy with the same selection would be refused.'
assert log.contains(preview), "build.log lacks: $preview"
def expected = 'This build leaves out modules of the reactor ('
assert log.contains(expected), "build.log lacks: $expected"
def nonRecursive = 'This build is not recursive (-N, --non-recursive): Maven builds only shop, not the modules it lists ' +
        '(lib, app), and a release is made of every module: nothing is published. Run mvn deploy without -N'
assert log.contains(nonRecursive), "build.log lacks: $nonRecursive"
assert !new File(basedir, '../partial-reactor-refused-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v2.0.0=') }
// the outputs are the top project's, where CI reads them, also when -pl leaves it out: this run's, not an earlier one's
def gantry = new File(basedir, 'target/gantry')
assert !new File(gantry, 'release.env').exists() && !new File(gantry, 'image.tar').exists()
assert new groovy.json.JsonSlurper().parse(new File(gantry, 'release.json')).status == 'failed'
assert !new File(basedir, 'lib/target/gantry').exists()
return true
