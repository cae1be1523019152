import dev.gantry.it.ItProject

// main: 1.0.0 was released; the last commit changes only .mvn/maven.properties, to revision 1.1.0
ItProject.at(basedir).init('main')
        .commit('Release 1.0.0').tag('v1.0.0').push()
        .write('.mvn/maven.properties', 'major=1\nrevision=${major}.1.0\n').commit('Release 1.1.0').push()
return true
