import dev.gantry.it.ItProject

ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
return true
