import dev.gantry.it.ItProject

// The platform parent in its own git repository: main released 1.0.0, the last commit sets 1.1.0.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
return true
