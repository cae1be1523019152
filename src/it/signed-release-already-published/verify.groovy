import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

def home = new File(basedir, 'gpg-home.txt').text
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('it.gantry:signed-lib:jar:1.0.0 is already published in ')
    assert log.contains('it.gantry:signed-lib:jar.asc:1.0.0 is already published in ')
    assert log.contains(', a signature of the identical it.gantry:signed-lib:jar:1.0.0 ')
    assert !log.contains('with different content')

    def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
    assert release.status == 'succeeded'
    assert release.artifacts.files*.outcome.unique() == ['already-published']
    assert release.gitTags == [[name: 'v1.0.0', outcome: 'pushed']]
    def it = ItProject.at(basedir)
    assert it.remoteTags().contains('v1.0.0=' + it.head())

    // what stays published verifies: the kept signatures are those of the published bytes
    def published = new File(basedir, '../signed-release-already-published-maven-repo/it/gantry/signed-lib/1.0.0')
    ['signed-lib-1.0.0.jar', 'signed-lib-1.0.0.pom'].each { name ->
        def check = new ProcessBuilder('gpg', '--homedir', home, '--batch', '--verify', "${name}.asc", name)
                .directory(published).redirectErrorStream(true).start()
        def said = check.inputStream.text
        assert check.waitFor() == 0, said
    }
} finally {
    new ProcessBuilder('gpgconf', '--homedir', home, '--kill', 'gpg-agent').start().waitFor()
    new File(home).deleteDir()
}
return true
