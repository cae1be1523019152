import dev.gantry.it.ItBuildSettings
import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A library on main (trunk flow) releases 1.1.0 to https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com:
// <port>/releases/: the repository's host, written by hand without the /maven/ segment. Gantry takes it for a plain Maven
// repository, fetches no token, and there is no settings.xml server for it.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def codeArtifact = ItCodeArtifact.startFor(basedir, 'releases')
ItBuildSettings.of(basedir).maven('codeartifact.url',
        codeArtifact.repositoryUrl('releases').replace('/maven/releases/', '/releases/'))
return true
