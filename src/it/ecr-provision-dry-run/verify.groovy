import groovy.json.JsonSlurper

def release = new JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.image.tags*.outcome.unique() == ['would-push']
def log = new File(basedir, 'build.log').text
def expected = """\
[INFO] Dry run: would create the ECR repository 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders if it is missing (or compare it with these settings):
[INFO]   tag mutability: IMMUTABLE_WITH_EXCLUSION *-SNAPSHOT, branch-*, latest, develop, dev-latest
[INFO]   scan on push: on
[INFO]   encryption: KMS key alias/images
[INFO]   lifecycle policy: expire images after 30 days, except those tagged latest, dev-latest or released versions (*.*.*); snapshot versions (*-SNAPSHOT) expire too
"""
assert log.replace('\r\n', '\n').contains(expected)
// the -D the POM outranks is named, with where the value used is set (the POM, as Maven 3's and Maven 4's models track
// it) and how to let -D choose
def ignored = '[WARNING] -Dgantry.image.repository=registry.example.com/elsewhere is not used: the plan\'s ' +
        '<imageRepository> is 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders, set in the gantry-maven-plugin ' +
        'configuration of module orders (in the POM it.gantry:orders:1.1.0), and Maven gives a plugin parameter set in a POM precedence ' +
        'over its -D property, silently. For -D to choose, set <imageRepository>${gantry.image.repository}' +
        '</imageRepository> there, and give <gantry.image.repository> its present value in the <properties> of the same ' +
        'POM, as the default.'
assert log.contains(ignored), "build.log lacks: $ignored"
assert log.count('is not used: the plan') == 1
return true
