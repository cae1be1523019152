import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .checkout('develop').withVersion('1.1.0-SNAPSHOT').commit('Start 1.1.0').push()
// given to the build as service.image, which only the service module's POM names
ItRegistry.startFor(basedir, 'service.image', 'shop/orders')
return true
