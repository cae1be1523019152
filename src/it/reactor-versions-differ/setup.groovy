import dev.gantry.it.ItProject

// shop-lib was bumped alone: the reactor would release 2.0.0 with a module at 2.0.1.
ItProject.at(basedir).init('main').commit('Release 2.0.0').push()
return true
