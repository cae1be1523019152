import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the re-run finished the version the first run left Unfinished, and tagged the release
assert ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib') == ['1.1.0': 'Published']
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'

// the first run failed with the publish named and no tag; the re-run said why it sent the module again
def log = new File(basedir, 'build.log').text
assert log.contains('Publishing to repository \'company\'') : 'the first run names the failed publish'
assert log.contains('it.acme:lib is in ') && log.contains('but unfinished')
// the metadata arrived once, after the three failed attempts of the first run
def calls = ItCodeArtifact.calls(basedir)
assert calls.count('PUT it/acme/lib/maven-metadata.xml') == 4 : calls
return true
