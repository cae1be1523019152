import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A library on main (trunk flow) releases 1.1.0 to CodeArtifact. In the first run, every upload of the version's
// maven-metadata.xml fails (500, as many times as Gantry tries): the files arrive, the version stays Unfinished.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def codeArtifact = ItCodeArtifact.startFor(basedir, 'releases')
codeArtifact.failNext('PUT it/acme/lib/maven-metadata.xml', 3)
return true
