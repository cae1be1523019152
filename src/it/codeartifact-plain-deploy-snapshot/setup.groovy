import dev.gantry.it.ItCodeArtifact

// Three snapshot deploys with plain maven-deploy-plugin: Resolver reads the version's maven-metadata.xml first.
def codeArtifact = ItCodeArtifact.startFor(basedir, 'snapshots')
ItCodeArtifact.passTokenAsProperty(basedir, codeArtifact)
return true
