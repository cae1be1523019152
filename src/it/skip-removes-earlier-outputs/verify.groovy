// nothing of Gantry ran, and nothing left by an earlier build says this one released
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping Gantry plan for orders: gantry.skip is true.')
def gantry = new File(basedir, 'target/gantry')
['release.env', 'release.json', 'plan.json', 'image.tar'].each { assert !new File(gantry, it).exists() : it }
// maven-deploy-plugin deployed, as it does without Gantry
assert new File(basedir, '../skip-removes-earlier-outputs-maven-repo/it/gantry/orders/1.2.0-SNAPSHOT').isDirectory()
return true
