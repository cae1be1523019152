import dev.gantry.it.ItProject

// main: 1.0.0 released and pushed; the bump to 1.1.0 is committed, not pushed
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0')
return true
