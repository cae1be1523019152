import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A shared library on main (trunk flow): 1.0.0 was released, the last commit bumps the version to 1.1.0. The
// distributionManagement URL is a CodeArtifact one and nothing else is configured: the token comes from CodeArtifact.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItCodeArtifact.startFor(basedir, 'releases')
return true
