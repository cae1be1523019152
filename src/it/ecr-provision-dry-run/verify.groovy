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
return true
