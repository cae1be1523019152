import dev.gantry.it.ItMavenRepository
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// The HTTP repository answers the first 3 uploads of the jar with 500: the first run's publish fails for good.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItRegistry.startFor(basedir, 'orders')
ItMavenRepository.startFailingUploadsOf(basedir, 'orders-1.1.0.jar', 3)
return true
