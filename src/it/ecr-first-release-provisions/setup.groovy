import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject

// main releases 1.1.0 to an ECR repository that does not exist yet: provisioning creates it before the push.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItEcr.startFor(basedir, 'orders', null)
return true
