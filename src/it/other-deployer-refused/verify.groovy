def log = new File(basedir, 'build.log').text
def expected = '''nexus-staging-maven-plugin deploys orders (its deploy goal, in the deploy phase), and so does gantry:publish: this mvn deploy would deploy it twice, the second time outside the branch's rules. Nothing was built or published. Let Gantry publish: set <skipNexusStagingDeployMojo>true</skipNexusStagingDeployMojo> in the <properties> of the POM that declares gantry:publish (nexus-staging-maven-plugin is often inherited from a parent POM such as oss-parent), or leave the plugin out of this build (it is often declared in a release profile: run without that profile); skipped, it makes CycloneDX take the module for one that is not deployed and leave out its SBOM ("Skipping CycloneDX goal, because module skips deploy"): set <cyclonedx.skipNotDeployed>false</cyclonedx.skipNotDeployed> beside <skipNexusStagingDeployMojo>true</skipNexusStagingDeployMojo> to keep it; or keep deploying with nexus-staging-maven-plugin'''
assert log.contains(expected), "build.log lacks: $expected"
// refused in validate, by the plan: nothing compiled, published or tagged
assert log.contains('gantry-maven-plugin:0.1.0-SNAPSHOT:plan')
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../other-deployer-refused-maven-repo').exists()
def release = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.failure.goal == 'plan'
assert dev.gantry.it.ItProject.at(basedir).remoteTags().isEmpty()
return true
