import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

ItProject.at(basedir).init('main')
        .withVersion('1.1.0').commit('Release 1.1.0').tag('v1.1.0').push()
        .checkout('develop').withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').push()
ItRegistry.startFor(basedir, 'orders')
return true
