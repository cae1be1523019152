import dev.gantry.it.ItProject

ItProject.at(basedir).init('develop')
        .withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').push()
        .withVersion('1.2.0').commit('Oops: release version on develop').push()
return true
