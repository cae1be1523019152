import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

ItProject.at(basedir).init('main')
        .withVersion('0.9.0').commit('Release 0.9.0').tag('v0.9.0').push()
        .checkout('develop').withVersion('1.0.0-SNAPSHOT').commit('Start 1.0.0').push()
ItRegistry.startFor(basedir, 'orders')
return true
