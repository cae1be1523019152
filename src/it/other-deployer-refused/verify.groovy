def log = new File(basedir, 'build.log').text
def twice = '''nexus-staging-maven-plugin deploys orders (its deploy goal, in the deploy phase), and so does gantry:publish: this mvn deploy would deploy it twice, the second time outside the branch's rules. Nothing was built or published. Let Gantry publish: leave nexus-staging-maven-plugin out of this build (it is often declared in a release profile: run without that profile, or remove it from <build><plugins>), or set <skipNexusStagingDeployMojo>true</skipNexusStagingDeployMojo> in the <properties> of the POM that declares gantry:publish (nexus-staging-maven-plugin is often inherited from a parent POM such as oss-parent); skipped, it makes CycloneDX take the module for one that is not deployed and leave out its SBOM ("Skipping CycloneDX goal, because module skips deploy"): set <cyclonedx.skipNotDeployed>false</cyclonedx.skipNotDeployed> beside <skipNexusStagingDeployMojo>true</skipNexusStagingDeployMojo> to keep it; or keep deploying with nexus-staging-maven-plugin'''
assert log.contains(twice), "build.log lacks: $twice"
// second run, -Dmaven.deploy.skip=true: Gantry would publish nothing, nexus-staging-maven-plugin everything
def alone = '''nexus-staging-maven-plugin deploys orders (its deploy goal, in the deploy phase), and gantry:publish leaves it out, as maven-deploy-plugin is told to skip it (maven.deploy.skip or its <skip>): this mvn deploy would publish it with nexus-staging-maven-plugin alone, outside the branch's rules (on any branch, and a release before Gantry's checks and without its tag). Nothing was built or published. Let Gantry publish: leave nexus-staging-maven-plugin out of this build (it is often declared in a release profile: run without that profile, or remove it from <build><plugins>), and remove maven-deploy-plugin's skip from the modules to publish (it is often set because nexus-staging-maven-plugin replaces it); a module to be published nowhere (tests, examples) keeps it. Or tell nexus-staging-maven-plugin to skip it too (<skipNexusStagingDeployMojo>true</skipNexusStagingDeployMojo> in its <properties>)'''
assert log.contains(alone), "build.log lacks: $alone"
// both refused in validate, by the plan: nothing compiled, published or tagged
assert log.contains('gantry-maven-plugin:0.1.0-SNAPSHOT:plan')
assert !new File(basedir, 'target/classes').exists()
assert !new File(basedir, '../other-deployer-refused-maven-repo').exists()
def release = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/gantry/release.json'))
assert release.status == 'failed'
assert release.failure.goal == 'plan'
assert dev.gantry.it.ItProject.at(basedir).remoteTags().isEmpty()
return true
