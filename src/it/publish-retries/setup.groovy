import dev.gantry.it.ItMavenRepository
import dev.gantry.it.ItProject

// The HTTP repository answers the first two uploads with 500, a transient fault.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItMavenRepository.startFor(basedir, 2)
return true
