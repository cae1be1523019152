import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A two-module library reactor on a feature branch (trunk flow: its -SNAPSHOT is published on every build) whose
// snapshot repository is in CodeArtifact; shop-orders came into that repository from an upstream, and its origin
// controls block publishing it. shop-prices, listed first, is new.
ItProject.at(basedir).init('feature/discounts')
        .withVersion('1.2.0-SNAPSHOT').commit('Start discounts').push()
def codeArtifact = ItCodeArtifact.startFor(basedir, 'snapshots')
codeArtifact.blockPublish('snapshots', 'it.acme', 'shop-orders')
return true
