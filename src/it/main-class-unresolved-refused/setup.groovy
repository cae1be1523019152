import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// main: 1.1.0 is new, but the jar plugin's main class is ${start-class}, unresolved, and no class has a main method.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItRegistry.startFor(basedir, 'orders')
return true
