package dev.gantry.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Decides, once per reactor and before anything is compiled, what this build releases: checks the version
 * against the branch's convention, looks for the release tag locally and on the remote, writes
 * {@code target/gantry/plan.json} and prints a short summary. In a build where the plugin is not declared with
 * {@code <extensions>true</extensions>}, turns {@code maven-deploy-plugin} off through {@code maven.deploy.skip} in
 * every module that declares {@code gantry:publish} (which deploys instead), and warns.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class PlanMojo extends GantryMojo {

    @Override
    protected void run(ReactorRelease release) {
        // the plan is made by the first goal that asks for it: this goal asks in validate, before anything is compiled
    }

    @Override
    protected String goal() {
        return "plan";
    }
}
