import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// refused in validate, saying why and what to do; nothing compiled, pushed, published or tagged
def log = new File(basedir, 'build.log').text
assert log.contains('Maven runs offline (-o), and this build would push the image to ')
assert log.contains("Run 'mvn deploy' without -o, or preview the release offline with -Dgantry.dryRun=true.")
// no compiler execution (Maven 4 names maven-compiler-plugin in a warning about unlocked default plugin versions, so
// the execution's header is what is looked for)
assert !log.contains('--- compiler:') && !log.contains('--- maven-compiler-plugin:')
assert ItRegistry.of(basedir).tags('orders').isEmpty()
def it = ItProject.at(basedir)
assert !it.remoteTags().any { it.startsWith('v1.1.0=') }
return true
