import dev.gantry.it.ItEcr
import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

// develop: 1.0.0 is released (1.0.0 and latest), an earlier develop build holds develop and dev-latest. This commit's
// image moves develop and dev-latest; the release tags stay put.
ItProject.at(basedir).init('develop')
        .withVersion('1.1.0-SNAPSHOT').commit('Start 1.1.0').push()
ItEcr.startFor(basedir, 'orders', 'IMMUTABLE_WITH_EXCLUSION', 'latest', 'develop', 'dev-latest', '*-SNAPSHOT')
ItRegistry.pushForeignImage(basedir, 'orders', '1.0.0', 'latest')
new File(basedir, 'release.digest').text = new File(basedir, 'foreign.digest').text
ItRegistry.pushForeignImage(basedir, 'orders', 'develop', 'dev-latest', '1.1.0-SNAPSHOT')
return true
