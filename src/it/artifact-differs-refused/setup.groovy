import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// 1.1.0 is already in the artifact repository with other bytes (published by another build).
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def released = new File(basedir, '../artifact-differs-refused-maven-repo/it/gantry/orders/1.1.0')
released.mkdirs()
new File(released, 'orders-1.1.0.jar').text = 'another build of 1.1.0'
ItRegistry.startFor(basedir, 'orders')
return true
