import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

def log = new File(basedir, 'build.log').text
def expected = 'This build starts in module shop-app (' + new File(basedir, 'app').canonicalPath + '), a module of the ' +
        'project in ' + basedir.canonicalPath + ': Maven builds only shop-app (and the modules it lists) then, and a release is made of every ' +
        'module of the repository: nothing is published. Run mvn deploy in ' + basedir.canonicalPath
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate: nothing compiled, published, pushed or tagged
assert !new File(basedir, 'app/target/classes').exists()
assert !new File(basedir, '../build-started-in-module-refused-maven-repo').exists()
assert ItRegistry.of(basedir).tags('shop').isEmpty()
assert !ItProject.at(basedir).remoteTags().any { it.startsWith('v2.0.0=') }
return true
