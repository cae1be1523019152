import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// ECR already holds orders:1.1.0 and orders:latest, pushed by another build of 1.1.0.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
ItEcr.startFor(basedir, 'orders', 'IMMUTABLE_WITH_EXCLUSION', 'latest', 'develop', 'dev-latest', '*-SNAPSHOT')
ItRegistry.pushForeignImage(basedir, 'orders', '1.1.0', 'latest')
return true
