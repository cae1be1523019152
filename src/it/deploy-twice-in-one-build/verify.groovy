import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
for (String file : ['it.gantry.shop:shop-lib:jar:2.0.0 ', 'it.gantry.shop:shop:pom:2.0.0 ']) {
    assert log.count('Published ' + file) == 1 : file + ': ' + log.count('Published ' + file)
}
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.artifacts.files*.name.size() == release.artifacts.files*.name.unique().size()
return true
