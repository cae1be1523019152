import dev.gantry.it.ItProject

// main sets 2.0.0, a new release
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('2.0.0').commit('Bump to 2.0.0').push()
return true
