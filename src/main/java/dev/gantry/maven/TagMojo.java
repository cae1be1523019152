package dev.gantry.maven;

import dev.gantry.git.GitRepository;
import dev.gantry.git.ReleaseTagger;
import dev.gantry.git.TagOutcome;
import dev.gantry.release.GantryException;
import dev.gantry.release.Plan;
import dev.gantry.release.ReleaseKind;
import javax.inject.Inject;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Last step of a release, at the end of the reactor after the image and the artifacts are in place: creates the
 * annotated release tag ({@code v1.2.0}) on the commit and pushes it, then moves the branch's environment tag
 * (such as {@code deploy/dev/current}) where one is configured.
 *
 * @since 0.1.0
 */
@Mojo(name = "tag", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class TagMojo extends GantryMojo {

    @Inject
    public TagMojo(LifecycleExecutor lifecycleExecutor, SettingsDecrypter decrypter) {
        super(lifecycleExecutor, decrypter);
    }

    @Override
    protected void run(ReactorRelease release) {
        // all the work happens once, at the end of the reactor (finish)
    }

    @Override
    protected void finish(ReactorRelease release) throws GantryException {
        ReleaseGate gate = gate();
        gate.refuseAfterFailures(goal());
        Plan plan = release.plan;
        if (plan.gitTag() == null && plan.environmentTag() == null) {
            getLog().info(plan.release() == ReleaseKind.SNAPSHOT
                    ? "No git tag: a snapshot is not tagged (a release is, and a snapshot's commit only where the branch's "
                            + "rule names an environment tag)."
                    : "Nothing to tag: this build releases nothing.");
            release.report.write();
            return;
        }
        gate.checkBeforeTag(release);
        try (GitRepository git = release.openRepository(session, gitRemote, log())) {
            ReleaseTagger tagger = new ReleaseTagger(git, plan.commit());
            if (plan.gitTag() != null) {
                // in a deploy, the plan asked the remote for its tags: without a tag on this commit, it found none
                boolean absentWhenPlanned = plan.tagOnThisCommit() == null && ReleasePlanning.reachesDeploy(session);
                TagOutcome outcome = tagger.tagRelease(plan.gitTag(), "Release " + plan.version(), release.dryRun,
                        absentWhenPlanned);
                release.report.gitTag(outcome);
            }
            if (plan.environmentTag() != null) {
                TagOutcome outcome = tagger.moveEnvironmentTag(plan.environmentTag(), plan.branch(), release.dryRun);
                release.report.gitTag(outcome);
            }
        }
    }

    @Override
    protected String goal() {
        return "tag";
    }
}
