import dev.gantry.it.ItProject

// main released 1.1.0 and prod took it (deploy/prod/current on it); then main released 1.2.0 (its tag pushed, as the
// tag goal does once the image and the artifacts are out) and prod merges main: that merge commit is this build's.
def it = ItProject.at(basedir).init('main')
        .withVersion('1.1.0').commit('Release 1.1.0').tag('v1.1.0').push()
it.git('branch', 'prod')
it.git('push', '-q', 'origin', 'prod')
it.git('tag', 'deploy/prod/current')
it.git('push', '-q', 'origin', 'deploy/prod/current')
it.withVersion('1.2.0').write('CHANGES.md', '1.2.0\n').commit('Release 1.2.0').tag('v1.2.0').push()
it.git('checkout', '-q', 'prod')
it.merge('main', 'Promote 1.2.0').push()
return true
