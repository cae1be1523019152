package dev.gantry.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Decides, once per reactor and before anything is compiled, what this build releases: checks the version
 * against the branch's convention, looks for the release tag locally and on the remote, writes
 * {@code target/gantry/plan.json} and prints a short summary. It also turns {@code maven-deploy-plugin} off in
 * every module, since {@code gantry:publish} deploys instead.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class PlanMojo extends GantryMojo {

    static final String DEPLOY_SKIP = "maven.deploy.skip";

    @Override
    protected void run(ReactorRelease release) {
        // maven-deploy-plugin reads ${maven.deploy.skip}; a project property answers it unless -D says otherwise.
        project.getProperties().setProperty(DEPLOY_SKIP, "true");
    }

    @Override
    protected String goal() {
        return "plan";
    }
}
