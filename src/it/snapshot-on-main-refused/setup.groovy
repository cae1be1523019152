import dev.gantry.it.ItProject

ItProject.at(basedir).init('main')
        .withVersion('1.0.0').commit('Release 1.0.0').tag('v1.0.0').push()
        .withVersion('1.1.0-SNAPSHOT').commit('Merge develop without setting the release version').push()
// what an earlier, successful run of another commit left behind
def outputs = new File(basedir, 'target/gantry')
outputs.mkdirs()
new File(outputs, 'plan.json').text = '{"branch": "main", "version": "1.0.0", "release": "stable"}'
new File(outputs, 'release.json').text = '{"status": "succeeded", "version": "1.0.0"}'
new File(outputs, 'image.digest').text = 'sha256:0000000000000000000000000000000000000000000000000000000000000000'
return true
