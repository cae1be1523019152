import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// The remote refuses the first tag push (a permission fixed between two runs of the pipeline).
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
        .refuseFirstTagPush()
ItRegistry.startFor(basedir, 'orders')
return true
