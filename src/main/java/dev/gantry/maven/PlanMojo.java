package dev.gantry.maven;

import dev.gantry.aws.CodeArtifact;
import dev.gantry.aws.Ecr;
import dev.gantry.image.JibPreload;
import dev.gantry.image.TlsPreload;
import dev.gantry.release.ImagePlan;
import javax.inject.Inject;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

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

    @Inject
    public PlanMojo(LifecycleExecutor lifecycleExecutor, SettingsDecrypter decrypter) {
        super(lifecycleExecutor, decrypter);
    }

    @Override
    protected void run(ReactorRelease release) {
        // the plan is made by the first goal that asks for it: this goal asks in validate, before anything is compiled
        ImagePlan image = release.plan.image();
        boolean imageGoes = image != null && !release.dryRun && pushesImage();
        boolean toRegistry = imageGoes && !image.local();
        boolean artifactsGo = release.plan.artifacts() != null && !release.dryRun && publishes();
        if (imageGoes) {
            // Jib's classes too: most of a second at deploy in a fresh JVM, while the project compiles here
            JibPreload.inBackground();
        }
        if (toRegistry && Ecr.recognises(image.repository())) {
            // the AWS SDK takes a second or more to load in a fresh JVM: loaded while the project compiles, not at deploy
            Ecr.loadSdkInBackground(image.repository());
        }
        if (artifactsGo) {
            CodeArtifact.loadSdkInBackground(release.plan.artifacts().repository());
        }
        if (toRegistry || artifactsGo && release.plan.artifacts().repository().startsWith("https:")) {
            // the first HTTPS connection's set-up (~0.3 s in a fresh JVM: the trust store, the first key share)
            TlsPreload.inBackground();
        }
    }

    /** Whether this Maven run goes as far as the image goal ({@code deploy}, or the goal named on the command line). */
    private boolean pushesImage() {
        return session.getGoals().stream().anyMatch(g -> g.equals("deploy") || g.endsWith(":image"));
    }

    /** Whether this Maven run goes as far as the publish goal ({@code deploy}, or the goal named on the command line). */
    private boolean publishes() {
        return session.getGoals().stream().anyMatch(g -> g.equals("deploy") || g.endsWith(":publish"));
    }

    @Override
    protected String goal() {
        return "plan";
    }
}
