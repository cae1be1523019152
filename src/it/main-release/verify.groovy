import dev.gantry.it.ItProject
import dev.gantry.it.ItRegistry
import groovy.json.JsonSlurper

def it = ItProject.at(basedir)
def plan = new JsonSlurper().parse(new File(basedir, 'target/gantry/plan.json'))
assert plan.branch == 'main'
assert plan.commit == it.head()
assert plan.version == '1.1.0'
assert plan.previousVersion == '1.0.0'
assert plan.release == 'stable'
assert plan.gitTag == 'v1.1.0'
assert plan.artifacts.mode == 'immutable'
assert plan.image.tags*.name == ['1.1.0', 'sha-' + it.head().substring(0, 12), 'latest']
assert plan.image.tags*.mutable == [false, false, true]

def repo = new File(basedir, '../main-release-maven-repo/it/gantry/orders/1.1.0')
assert new File(repo, 'orders-1.1.0.jar').isFile()
assert new File(repo, 'orders-1.1.0.pom').isFile()

// the release tag is on the released commit, on the remote
assert it.remoteTags().contains('v1.1.0=' + it.head())

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.artifacts.files*.outcome.unique() == ['published']
assert release.gitTags == [[name: 'v1.1.0', outcome: 'pushed']]

// the image: one digest behind the three tags, built from this commit
def registry = ItRegistry.of(basedir)
def sha = 'sha-' + it.head().substring(0, 12)
assert registry.tags('orders') == ['1.1.0', 'latest', sha].sort()
def digest = registry.digest('orders', '1.1.0')
assert digest.startsWith('sha256:')
assert registry.digest('orders', 'latest') == digest && registry.digest('orders', sha) == digest
def config = registry.config('orders', '1.1.0').path('config')
assert config.path('Labels').path('org.opencontainers.image.version').asText() == '1.1.0'
assert config.path('Labels').path('org.opencontainers.image.revision').asText() == it.head()
assert config.path('Labels').path('dev.gantry.module').asText() == 'it.gantry:orders'
// the tool that built each layer, in the image's history, as jib-maven-plugin names itself
def gantryVersion = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin
        .find { it.artifactId.text() == 'gantry-maven-plugin' }.version.text()
def history = registry.config('orders', '1.1.0').path('history')
assert history.get(history.size() - 1).path('created_by').asText() == 'gantry:' + gantryVersion
// and its own look-ups say who asks, in the registry's access log
assert ItRegistry.log(basedir).contains('"gantry-maven-plugin/' + gantryVersion + '"')
assert config.path('Entrypoint').toString().contains('it.orders.App')
assert release.image.digest == digest
// the base image it runs on, by name and digest, in the labels and in release.json
def base = [name: registry.host() + '/base/java:1', digest: registry.digest('base/java', '1')]
assert config.path('Labels').path('org.opencontainers.image.base.name').asText() == base.name
assert config.path('Labels').path('org.opencontainers.image.base.digest').asText() == base.digest
assert release.image.base == base
assert release.image.tags*.outcome.unique() == ['pushed']
assert new File(basedir, 'target/gantry/image.digest').text.trim() == digest
// the hand-off to deployment (not on GitHub Actions here: release.env only): the image by digest, the release tag
def byDigest = registry.host() + '/orders@' + digest
assert release.image.reference == byDigest
assert new File(basedir, 'target/gantry/release.env').readLines() == ['GANTRY_RELEASED=true', 'GANTRY_VERSION=1.1.0',
        'GANTRY_IMAGE=' + byDigest, 'GANTRY_IMAGE_DIGEST=' + digest, 'GANTRY_GIT_TAG=v1.1.0', 'GANTRY_ENVIRONMENT_TAG=']

def log = new File(basedir, 'build.log').text
// the plan alone from the command line, then the release
assert log.count('Gantry plan: stable — 1.1.0 on main') == 2
// loaded as a build extension, Gantry unbinds maven-deploy-plugin: it never runs, and maven.deploy.skip stays unset
assert !log.contains('(default-deploy)')
assert !log.contains('maven.deploy.skip')
// the build extension started the plan's git processes once Maven had read the projects: they ran while Maven resolved
// the build, and the plan, in validate, took what they read instead of starting its own
assert log.findAll(/\[DEBUG\] git (rev-parse|cat-file|config) exited 0 in \d+ ms \(started when Maven had read the projects\)/).size() == 3
assert log.contains('read by git')
assert !log.contains('publishes its artifacts to the embedded default') // it has a distributionManagement
return true
