import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0. The image goes to a real registry.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItRegistry.startFor(basedir, 'orders')
return true
