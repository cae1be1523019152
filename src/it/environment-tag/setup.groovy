import dev.gantry.it.ItProject

// develop already deployed an earlier commit: deploy/dev/current points there and must move to HEAD.
ItProject.at(basedir).init('develop')
        .withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').tag('deploy/dev/current').push()
        .write('CHANGES.md', 'a change\n').commit('A change').push()
return true
