import dev.gantry.it.ItProject

ItProject.at(basedir).init('main')
        .withVersion('1.1.0').commit('Release 1.1.0').tag('v1.1.0').push()
        .checkout('develop').withVersion('1.2.0-SNAPSHOT').commit('Start 1.2.0').push()
// what an earlier build released, left in target/ (a self-hosted runner, a cached target/)
def gantry = new File(basedir, 'target/gantry')
gantry.mkdirs()
new File(gantry, 'release.env').text = 'GANTRY_RELEASED=true\nGANTRY_IMAGE=registry.example.com/orders@sha256:0123\n'
new File(gantry, 'release.json').text = '{ "status" : "succeeded" }\n'
new File(gantry, 'plan.json').text = '{ "release" : "stable" }\n'
new File(gantry, 'image.tar').text = 'an earlier image\n'
return true
