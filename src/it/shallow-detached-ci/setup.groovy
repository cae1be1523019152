import dev.gantry.it.ItProject

// 1.1.0 was released from the previous commit; the last commit on main changes no version. CI checks out
// that commit alone (depth 1, no tags, detached): only the remote knows that v1.1.0 exists.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Release 1.1.0').tag('v1.1.0').push()
        .write('README.md', 'docs only\n').commit('Docs').push()
        .replaceWithShallowClone('main')
return true
