import dev.gantry.it.ItProject
import java.nio.file.Files

// A signing key without a passphrase, in a gpg home of its own: short, as gpg-agent's socket path must be.
def home = Files.createTempDirectory('gantry-it-gpg').toFile()
home.setReadable(false, false); home.setReadable(true, true); home.setExecutable(false, false); home.setExecutable(true, true)
def gpg = new ProcessBuilder('gpg', '--homedir', home.path, '--batch', '--passphrase', '', '--quick-gen-key',
        'Gantry IT <it@gantry.example>', 'ed25519', 'sign', 'never').redirectErrorStream(true).start()
def output = gpg.inputStream.text
assert gpg.waitFor() == 0, output
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgpg.homedir=${home.path}\n"
new File(basedir, 'gpg-home.txt').text = home.path

// main at 1.0.0, never tagged: the first run (invoker.properties) publishes it as the pipeline before Gantry did
ItProject.at(basedir).init('main').write('.gitignore', 'target/\nbuild.log\n*.groovy\ninvoker.properties\ngpg-home.txt\n')
        .commit('Release 1.0.0').push()
return true
