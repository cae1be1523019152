import dev.gantry.it.ItBuildSettings
import dev.gantry.it.ItMavenRepository
import dev.gantry.it.ItProject

// main: 1.1.0 is new; the artifacts go to an HTTP repository that requires Basic credentials, given in its URL under an
// id that settings.xml knows nothing of.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def url = ItMavenRepository.startFor(basedir)
ItBuildSettings.of(basedir).maven('altDeploymentRepository',
        'it-alt::' + url.replace('://', '://' + ItMavenRepository.USER + ':' + ItMavenRepository.PASSWORD + '@'))
return true
