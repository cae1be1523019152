import dev.gantry.it.ItProject

// Someone tagged v1.1.0 by hand on an earlier commit; this commit now sets the version to 1.1.0.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .write('README.md', 'tagged by hand\n').commit('Fix').tag('v1.1.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
return true
