import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// The registry already holds orders:1.1.0, pushed by another build of 1.1.0.
ItProject.at(basedir).init('main').commit('Release 1.1.0').push()
ItRegistry.startFor(basedir, 'orders')
ItRegistry.pushForeignImage(basedir, 'orders', '1.1.0')
return true
