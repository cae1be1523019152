import dev.gantry.it.ItProject

// main: the first release, 1.1.0, set by .mvn/maven.config
ItProject.at(basedir).init('main').write('.mvn/maven.config', '-Drevision=1.1.0\n').commit('Release 1.1.0').push()
return true
