import dev.gantry.it.ItProject

ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0 from a project whose parent deploys to Maven Central').push()
return true
