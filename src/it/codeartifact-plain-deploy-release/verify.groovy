import dev.gantry.it.ItCodeArtifact

def versions = ItCodeArtifact.versions(basedir, 'releases', 'it.acme', 'lib')
assert versions == ['1.0.0': 'Published']
def assets = ItCodeArtifact.assetSha256(basedir, 'releases', 'it.acme', 'lib', '1.0.0')
assert assets.keySet().containsAll(['lib-1.0.0.jar', 'lib-1.0.0.pom', 'maven-metadata.xml']) : assets
def calls = ItCodeArtifact.calls(basedir)
assert calls.contains('PUT it/acme/lib/1.0.0/lib-1.0.0.jar')
assert calls.contains('PUT it/acme/lib/maven-metadata.xml')
return true
