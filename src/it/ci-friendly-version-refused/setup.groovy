import dev.gantry.it.ItProject

ItProject.at(basedir).init('main').commit('Release 1.1.0').push()
return true
