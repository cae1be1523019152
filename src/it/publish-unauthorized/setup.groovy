import dev.gantry.it.ItMavenRepository
import dev.gantry.it.ItProject

// main: 1.1.0 is new; the artifacts go to an HTTP repository that requires Basic credentials.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItMavenRepository.startFor(basedir)
return true
