import dev.gantry.it.ItProject

def log = new File(basedir, 'build.log').text
def expected = 'This release of 1.1.0 would publish nothing, and push only the tag v1.1.0, which marks 1.1.0 released ' +
        'for good: no artifacts (maven-deploy-plugin is told to skip every module: maven.deploy.skip or its <skip>), and ' +
        'no image (the trunk flow builds an image only when an image repository is configured;'
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, published or tagged
assert !log.contains('--- compiler:')
assert !new File(basedir, '../empty-release-refused-maven-repo').exists()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v1.1.0=') }
return true
