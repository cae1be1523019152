import dev.gantry.it.ItProject
import dev.gantry.testing.PlantedSecrets

// develop already deployed an earlier commit: deploy/dev/current points there and must move to HEAD.
def it = ItProject.at(basedir).init('develop')
        .withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').tag('deploy/dev/current').push()
        .write('CHANGES.md', 'a change\n').commit('A change').push()
// As CI clones: origin's URL carries a token (PlantedSecretsScan looks for it in everything the build writes); git's
// insteadOf leads it to the local remote.
def local = it.git('remote', 'get-url', 'origin').trim()
def withToken = 'https://ci-user:' + PlantedSecrets.MARKER + '-git-token@git.example.invalid/acme/orders.git'
it.git('config', 'url.' + local + '.insteadOf', withToken)
it.git('remote', 'set-url', 'origin', withToken)
return true
