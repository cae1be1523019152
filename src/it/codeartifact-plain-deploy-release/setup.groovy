import dev.gantry.it.ItCodeArtifact

// Proves the stand-in with plain maven-deploy-plugin and a token in settings.xml, as users publish without Gantry.
def codeArtifact = ItCodeArtifact.startFor(basedir, 'releases')
ItCodeArtifact.passTokenAsProperty(basedir, codeArtifact)
return true
