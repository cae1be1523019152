import dev.gantry.it.ItProject

// main: 1.0.0 was released; the last commit bumps the version to 1.1.0. A library: no image; the jar carries
// git-commit-id's git.properties (see the POM).
def it = ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()

// The first run's tag push stops the pipeline once (a lost runner). The re-run's clone has no tag v1.1.0, and spells
// the remote as a plain path, which git.properties records: its jar differs from the published one, and only the
// published jar's git.properties (git.commit.id) tells that the published release is this commit's.
it.loseTheRunnerAtTheFirstPushOf('v1.1.0')
return true
