import dev.gantry.it.ItProject

// main: 1.4.0 was released (built with -Dchangelist=), then an ordinary commit that leaves the version alone
ItProject.at(basedir).init('main')
        .commit('Release 1.4.0').tag('v1.4.0').push()
        .write('README.md', 'A fix after the release\n').commit('A fix').push()
return true
