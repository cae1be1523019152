import dev.gantry.it.ItCodeArtifact
import dev.gantry.it.ItProject

// A two-module library reactor on main (trunk flow) bumps to 1.1.0; shop-orders 1.1.0 is already in CodeArtifact with
// another jar (another build's), shop-prices 1.1.0 is not there at all.
ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0').commit('Bump to 1.1.0').push()
def codeArtifact = ItCodeArtifact.startFor(basedir, 'releases')
codeArtifact.addVersion('releases', 'it.acme', 'shop-orders', '1.1.0', 'Published',
        ['shop-orders-1.1.0.jar': 'not even a zip: another build of 1.1.0'.bytes])
return true
