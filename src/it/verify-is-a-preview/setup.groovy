import dev.gantry.it.ItProject

// A developer's clone: an edited tracked file, and a remote that cannot be reached from here.
ItProject.at(basedir).init('main')
        .write('README.md', 'committed\n')
        .withVersion('1.1.0').commit('Bump to 1.1.0')
        .write('README.md', 'being edited\n')
        .git('remote', 'set-url', 'origin', '/nonexistent/remote.git')
return true
