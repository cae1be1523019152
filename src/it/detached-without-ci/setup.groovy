import dev.gantry.it.ItProject

ItProject.at(basedir).init('main')
        .withVersion('1.1.0').commit('Release 1.1.0').push()
        .detach()
return true
