import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A shared library on main (trunk flow) bumps its version to 1.1.0. The distributionManagement URL is the repository's
// dual-stack one (https://acme-123456789012.codeartifact.us-east-1.on.aws:<port>/maven/releases/) and nothing else is
// configured: it must be recognised as CodeArtifact, so that the token comes from CodeArtifact.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItCodeArtifact.startDualStackFor(basedir, 'releases')
return true
