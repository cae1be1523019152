import dev.gantry.it.ItProject

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
return true
