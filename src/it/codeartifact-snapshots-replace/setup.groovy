import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A shared library's feature branch (trunk flow: feature/* publishes its -SNAPSHOT on every build) whose snapshot
// repository is in CodeArtifact; nothing else is configured.
ItProject.at(basedir).init('feature/prices')
        .withVersion('1.0.0-SNAPSHOT').commit('Start prices').push()
ItCodeArtifact.startFor(basedir, 'snapshots')
return true
