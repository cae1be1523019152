import dev.gantry.it.ItProject

ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .write('README.md', 'committed\n')
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
        .write('README.md', 'edited after the commit\n')
return true
