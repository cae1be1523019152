import dev.gantry.it.ItProject
import groovy.json.JsonSlurper

// the version this commit changes is read from the parent commit's .mvn/maven.config, as Maven would have built it
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.version == '1.1.0'
assert plan.previousVersion == '1.0.0'
assert plan.release == 'stable'
assert plan.reason.contains('previous version 1.0.0')

// published as maven-deploy-plugin would have: flatten-maven-plugin's POMs, their version resolved
def repo = new File(basedir, '../ci-friendly-version-in-maven-config-maven-repo/it/gantry/lib')
['lib-parent', 'lib-core', 'lib-api'].each { name ->
    def pom = new File(repo, "$name/1.1.0/$name-1.1.0.pom")
    assert pom.isFile()
    assert !pom.text.contains('${revision}')
}
assert new File(repo, 'lib-api/1.1.0/lib-api-1.1.0.jar').isFile()
assert !new File(repo, 'lib-core/1.0.0').exists()
def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'succeeded'
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]
def it = ItProject.at(basedir)
assert it.remoteTags().contains('v1.1.0=' + it.head())
return true
