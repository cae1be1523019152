import dev.gantry.it.ItProject

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0. Then the checkout is handed to another user
// (nobody), as a CI runner that checks out as its own user hands it to a container job that runs as root.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def chown = ['chown', '-R', 'nobody', basedir.path].execute()
assert chown.waitFor() == 0: chown.err.text
return true
