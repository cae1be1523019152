package dev.gantry.maven;

import static dev.gantry.maven.MavenDeployPluginTest.execution;
import static dev.gantry.maven.MavenDeployPluginTest.withPlugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * Which of Sonatype's publishers would deploy a module beside gantry:publish, and which modules maven-deploy-plugin is
 * told to skip, read from the module's model.
 */
class DeployersTest {

    private static final Properties NONE = new Properties();

    /** As oss-parent declares it: a build extension, which binds its deploy goal itself. */
    private static MavenProject nexusStagingExtension() {
        MavenProject module = withPlugin("org.sonatype.plugins", "nexus-staging-maven-plugin");
        nexus(module).setExtensions(true);
        return module;
    }

    private static Plugin nexus(MavenProject module) {
        return module.getPlugin("org.sonatype.plugins:nexus-staging-maven-plugin");
    }

    private static Xpp3Dom configuration(String name, String value) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        configuration.addChild(child);
        return configuration;
    }

    private static Optional<String> deployer(MavenProject module, Properties properties) {
        return Deployers.other(module, properties).map(Deployers.Deployer::artifactId);
    }

    @Test
    void findsNexusStagingAsABuildExtension() {
        assertThat(deployer(nexusStagingExtension(), NONE)).contains("nexus-staging-maven-plugin");
    }

    @Test
    void findsCentralPublishingBoundByAnExecution() {
        MavenProject module = withPlugin("org.sonatype.central", "central-publishing-maven-plugin",
                execution("to-central", "deploy", "publish"));
        assertThat(deployer(module, NONE)).contains("central-publishing-maven-plugin");
    }

    private static MavenProject centralPublishing(String excludeArtifacts) throws Exception {
        PluginExecution publish = execution("to-central", "deploy", "publish");
        publish.setConfiguration(org.codehaus.plexus.util.xml.Xpp3DomBuilder.build(new java.io.StringReader(
                "<configuration><excludeArtifacts>" + excludeArtifacts + "</excludeArtifacts></configuration>")));
        MavenProject module = withPlugin("org.sonatype.central", "central-publishing-maven-plugin", publish);
        module.setGroupId("it.gantry");
        return module;
    }

    /**
     * A library's test modules, left out of the bundle to Maven Central, are not deployed by it: named by artifactId,
     * which is all central-publishing-maven-plugin compares.
     */
    @Test
    void aModuleCentralPublishingExcludesIsNotDeployedByIt() throws Exception {
        MavenProject tests = centralPublishing("<excludeArtifact>orders-tests</excludeArtifact>");
        tests.setArtifactId("orders-tests");
        assertThat(deployer(tests, NONE)).isEmpty();
        assertThat(Deployers.excluding(tests, NONE).map(Deployers.Deployer::artifactId))
                .contains("central-publishing-maven-plugin");
        tests.setArtifactId("orders");
        assertThat(deployer(tests, NONE)).contains("central-publishing-maven-plugin");
        assertThat(Deployers.excluding(tests, NONE)).isEmpty();
    }

    /**
     * Maven splits a list parameter written as text on commas, and gives the plugin each part as it is, spaces
     * included: " orders-benchmarks" excludes nothing.
     */
    @Test
    void excludeArtifactsWrittenAsTextAreSplitOnCommasUntrimmed() throws Exception {
        MavenProject benchmarks = centralPublishing("orders-tests,orders-benchmarks");
        benchmarks.setArtifactId("orders-benchmarks");
        assertThat(deployer(benchmarks, NONE)).isEmpty();
        MavenProject spaced = centralPublishing("orders-tests, orders-benchmarks");
        spaced.setArtifactId("orders-benchmarks");
        assertThat(deployer(spaced, NONE)).contains("central-publishing-maven-plugin");
    }

    /** central-publishing-maven-plugin compares the artifactId alone: groupId:artifactId there leaves nothing out. */
    @Test
    void aGroupIdAndArtifactIdExcludesNothing() throws Exception {
        MavenProject tests = centralPublishing("<excludeArtifact>it.gantry:orders-tests</excludeArtifact>");
        tests.setArtifactId("orders-tests");
        assertThat(deployer(tests, NONE)).contains("central-publishing-maven-plugin");
    }

    /** Leaving the plugin out would hand its excluded modules to Gantry: the refusal says how to keep them unpublished. */
    @Test
    void theRefusalNamesTheModulesCentralPublishingExcludes() {
        assertThat(dev.gantry.release.Refusals.otherDeployer("central-publishing-maven-plugin", "publish", "skipPublishing",
                java.util.List.of("orders"), java.util.List.of("orders-benchmarks")).getMessage())
                .endsWith("or keep deploying with central-publishing-maven-plugin and remove the publish goal from "
                        + "Gantry's execution. Left out or skipped, central-publishing-maven-plugin no longer keeps "
                        + "orders-benchmarks (its <excludeArtifacts>) from being published: Gantry would publish it then, "
                        + "unless <maven.deploy.skip>true</maven.deploy.skip> is set in its <properties>.");
    }

    /** Skipped, central-publishing still wants its server, and CycloneDX drops the SBOM: its refusal says to leave it out. */
    @Test
    void theRefusalOfCentralPublishingAdvisesLeavingItOut() {
        assertThat(dev.gantry.release.Refusals.otherDeployer("central-publishing-maven-plugin", "publish", "skipPublishing",
                java.util.List.of("orders"), java.util.List.of()).getMessage())
                .contains("Let Gantry publish: leave central-publishing-maven-plugin out of this build (it is often "
                        + "declared in a release profile: run without that profile, or remove it from <build><plugins>), or "
                        + "set <skipPublishing>true</skipPublishing>")
                .contains("skipped, central-publishing-maven-plugin still looks up the settings.xml <server> it names in "
                        + "a release build (and fails it without one), and it makes CycloneDX take the module for one that "
                        + "is not deployed and leave out its "
                        + "SBOM (\"Skipping CycloneDX goal, because module skips deploy\"): set "
                        + "<cyclonedx.skipNotDeployed>false</cyclonedx.skipNotDeployed> beside "
                        + "<skipPublishing>true</skipPublishing> to keep it, so leaving it out is the better way; or keep "
                        + "deploying with central-publishing-maven-plugin");
    }

    /**
     * CycloneDX asks nexus-staging-maven-plugin too whether a module is deployed: the advice to skip it comes with how to
     * keep the SBOM that README promises is published, in the words of central-publishing's caveat.
     */
    @Test
    void theRefusalOfNexusStagingSaysHowToKeepTheSbomWhenSkippingIt() {
        assertThat(dev.gantry.release.Refusals.otherDeployer("nexus-staging-maven-plugin", "deploy",
                "skipNexusStagingDeployMojo", java.util.List.of("orders"), java.util.List.of()).getMessage())
                .contains("Let Gantry publish: leave nexus-staging-maven-plugin out of this build (it is often declared "
                        + "in a release profile: run without that profile, or remove it from <build><plugins>), or set "
                        + "<skipNexusStagingDeployMojo>true</skipNexusStagingDeployMojo> in the <properties> of the POM that "
                        + "declares gantry:publish (nexus-staging-maven-plugin is often inherited from a parent POM such as "
                        + "oss-parent); skipped, it makes CycloneDX "
                        + "take the module for one that is not deployed and leave out its SBOM (\"Skipping CycloneDX goal, "
                        + "because module skips deploy\"): set <cyclonedx.skipNotDeployed>false"
                        + "</cyclonedx.skipNotDeployed> beside <skipNexusStagingDeployMojo>true"
                        + "</skipNexusStagingDeployMojo> to keep it; or keep deploying with nexus-staging-maven-plugin and "
                        + "remove the publish goal from Gantry's execution.")
                // its server is no reason to leave it out: that caveat is central-publishing's alone
                .doesNotContain("settings.xml <server>").doesNotContain("better way");
    }

    @Test
    void recognisesMavenDeployPluginsGoalNamedOnTheCommandLine() {
        assertThat(java.util.List.of("deploy:deploy", "maven-deploy-plugin:deploy", "deploy:deploy@default-deploy",
                "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy"))
                .allMatch(ReleaseGate::namesMavenDeploy);
        assertThat(java.util.List.of("deploy", "gantry:publish", "deploy:deploy-file", "install:install"))
                .noneMatch(ReleaseGate::namesMavenDeploy);
    }

    @Test
    void leavesAPublisherThatIsDeclaredButNotBound() {
        MavenProject unbound = withPlugin("org.sonatype.plugins", "nexus-staging-maven-plugin");
        MavenProject turnedOff = withPlugin("org.sonatype.central", "central-publishing-maven-plugin",
                execution("to-central", "none", "publish"));
        assertThat(deployer(unbound, NONE)).isEmpty();
        assertThat(deployer(turnedOff, NONE)).isEmpty();
    }

    @Test
    void leavesAPublisherSkippedByThePomsProperty() {
        MavenProject module = nexusStagingExtension();
        module.getProperties().setProperty("skipNexusStagingDeployMojo", "true");
        assertThat(deployer(module, NONE)).isEmpty();
    }

    @Test
    void leavesAPublisherSkippedOnTheCommandLine() {
        Properties commandLine = new Properties();
        commandLine.setProperty("skipNexusStagingDeployMojo", "true");
        assertThat(deployer(nexusStagingExtension(), commandLine)).isEmpty();
    }

    @Test
    void theCommandLineOverridesThePom() {
        MavenProject module = nexusStagingExtension();
        module.getProperties().setProperty("skipNexusStagingDeployMojo", "true");
        Properties commandLine = new Properties();
        commandLine.setProperty("skipNexusStagingDeployMojo", "false");
        assertThat(deployer(module, commandLine)).contains("nexus-staging-maven-plugin");
    }

    @Test
    void readsTheSkipParameterOfThePluginsConfiguration() {
        MavenProject skipped = nexusStagingExtension();
        nexus(skipped).setConfiguration(configuration("skipNexusStagingDeployMojo", "true"));
        MavenProject notSkipped = nexusStagingExtension();
        nexus(notSkipped).setConfiguration(configuration("skipNexusStagingDeployMojo", "false"));
        assertThat(deployer(skipped, NONE)).isEmpty();
        assertThat(deployer(notSkipped, NONE)).contains("nexus-staging-maven-plugin");
    }

    @Test
    void followsASkipParameterSetToAPropertyOfItsOwn() {
        // <skipPublishing>${artifact.deploy.disabled}</skipPublishing>, the property given on the command line
        MavenProject module = withPlugin("org.sonatype.central", "central-publishing-maven-plugin",
                execution("to-central", "deploy", "publish"));
        module.getPlugin("org.sonatype.central:central-publishing-maven-plugin")
                .setConfiguration(configuration("skipPublishing", "${artifact.deploy.disabled}"));
        Properties commandLine = new Properties();
        commandLine.setProperty("artifact.deploy.disabled", "true");
        assertThat(deployer(module, NONE)).contains("central-publishing-maven-plugin");
        assertThat(deployer(module, commandLine)).isEmpty();
    }

    @Test
    void readsMavenDeployPluginsSkipAsItsOwnParameterAndProperty() {
        // maven-deploy-plugin's parameter is <skip>, its property maven.deploy.skip: neither stands for the other
        MavenProject byProperty = MavenDeployPluginTest.project(execution("default-deploy", null, "deploy"));
        byProperty.getProperties().setProperty("maven.deploy.skip", "true");
        MavenProject byConfiguration = MavenDeployPluginTest.project(execution("default-deploy", null, "deploy"));
        byConfiguration.getPlugin(MavenDeployPlugin.KEY).setConfiguration(configuration("skip", "true"));
        MavenProject byAnotherProperty = MavenDeployPluginTest.project(execution("default-deploy", null, "deploy"));
        byAnotherProperty.getProperties().setProperty("skip", "true");

        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, byProperty, NONE)).isTrue();
        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, byConfiguration, NONE)).isTrue();
        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, byAnotherProperty, NONE)).isFalse();
    }

    @Test
    void readsMavenDeployPluginsSkipFromTheCommandLineEvenWhereThePomDoesNotDeclareThePlugin() {
        MavenProject undeclared = withPlugin("org.example", "other-plugin");
        Properties commandLine = new Properties();
        commandLine.setProperty("maven.deploy.skip", "true");

        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, undeclared, NONE)).isFalse();
        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, undeclared, commandLine)).isTrue();
    }

    @Test
    void readsMavenDeployPluginsSkipOfReleasesOrOfSnapshots() {
        MavenProject release = MavenDeployPluginTest.project(execution("default-deploy", null, "deploy"));
        release.getModel().setVersion("1.2.0");
        MavenProject snapshot = MavenDeployPluginTest.project(execution("default-deploy", null, "deploy"));
        snapshot.getModel().setVersion("1.3.0-SNAPSHOT");
        Properties releases = new Properties();
        releases.setProperty("maven.deploy.skip", "releases");
        Properties snapshots = new Properties();
        snapshots.setProperty("maven.deploy.skip", "snapshots");

        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, release, releases)).isTrue();
        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, snapshot, releases)).isFalse();
        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, release, snapshots)).isFalse();
        assertThat(Deployers.skipped(Deployers.MAVEN_DEPLOY, snapshot, snapshots)).isTrue();
    }

    @Test
    void ignoresAModuleWithoutAPublisher() {
        assertThat(deployer(MavenDeployPluginTest.project(execution("default-deploy", null, "deploy")), NONE)).isEmpty();
    }
}
