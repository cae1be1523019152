import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def expected = "maven-deploy-plugin would deploy shop-extra on its own: that module does not declare gantry-maven-plugin's " +
        "publish goal (a parent outside the reactor, or a POM that does not inherit the plugin), so the release's " +
        "all-or-none publish would leave it out, the tag could come before it, and every re-run would deploy it again. " +
        "Nothing was built or published. Declare the plugin's executions in that module (or in a parent of the reactor), " +
        "or leave it out of the deploy with <maven.deploy.skip>true</maven.deploy.skip>."
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, published or tagged
assert !new File(basedir, 'lib/target/classes').exists()
assert !new File(basedir, '../module-outside-release-refused-maven-repo').exists()
assert ItProject.at(basedir).remoteTags().every { !it.startsWith('v2.0.0=') }
return true
