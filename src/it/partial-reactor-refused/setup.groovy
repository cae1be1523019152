import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry

ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('2.0.0').commit('Bump to 2.0.0').push()
ItRegistry.startFor(basedir, 'shop')
// what an earlier run released, left in the top project's target/ (a self-hosted runner, a cached target/)
def gantry = new File(basedir, 'target/gantry')
gantry.mkdirs()
new File(gantry, 'release.env').text = 'GANTRY_RELEASED=true\nGANTRY_GIT_TAG=v1.0.0\n'
new File(gantry, 'image.tar').text = 'an earlier image\n'
return true
