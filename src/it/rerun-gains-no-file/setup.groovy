import dev.gantry.it.ItProject

// main at 1.0.0 after 0.9.0: the first run (invoker.properties) publishes it without Gantry, the second releases it
ItProject.at(basedir).init('main')
        .withVersion('0.9.0').commit('Release 0.9.0').tag('v0.9.0').push()
        .withVersion('1.0.0').commit('Bump to 1.0.0').push()
return true
