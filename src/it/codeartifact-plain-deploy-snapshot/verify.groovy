import dev.gantry.it.ItCodeArtifact

def versions = ItCodeArtifact.versions(basedir, 'snapshots', 'it.acme', 'lib')
assert versions.findAll { it.value == 'Unlisted' }.size() == 3 : versions
assert versions['1.0-SNAPSHOT'] == 'Published' : versions
def builds = versions.keySet().findAll { it != '1.0-SNAPSHOT' }.collect { it.substring(it.lastIndexOf('-') + 1) }
assert builds == ['1', '2', '3'] : versions
return true
