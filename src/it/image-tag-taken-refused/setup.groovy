import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// The registry already holds orders:1.1.0 and orders:latest, pushed by another build of 1.1.0.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItRegistry.startFor(basedir, 'orders')
ItRegistry.pushForeignImage(basedir, 'orders', '1.1.0', 'latest')
return true
