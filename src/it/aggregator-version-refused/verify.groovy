import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def expected = "The reactor's top-level project shop-build is not published, yet its version 1.0.0 is the one Gantry plans " +
        "the release of, and the modules it publishes differ: shop has 2.0.0, shop-lib has 2.0.0. Give the top-level " +
        "POM the modules' version (mvn versions:set sets every module's), so that the plan judges the version that is " +
        "published."
assert log.contains(expected), "build.log lacks: $expected"
assert !log.contains('nothing to publish')
assert !new File(basedir, '../aggregator-version-refused-maven-repo').exists()
assert ItProject.at(basedir).remoteTags().every { !it.startsWith('v2.0.0=') }
return true
