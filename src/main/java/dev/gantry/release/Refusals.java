package dev.gantry.release;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every refusal Gantry makes, worded in one place (as jib's {@code HelpfulSuggestions}): what was found,
 * what was expected, and what to do — naming the POM element or {@code -D} flag that fixes it. Tests
 * assert these exact messages.
 */
public final class Refusals {

    private Refusals() {
    }

    // --- configuration ---------------------------------------------------------------------------

    public static GantryException unknownFlow(String text) {
        return new GantryException("Unknown flow '" + text + "': expected 'gitflow' (microservices) or 'trunk' (libraries). "
                + "Set <flow> in the gantry-maven-plugin configuration or pass -Dgantry.flow=gitflow.");
    }

    public static GantryException unknownReleaseKind(String text) {
        return new GantryException("Unknown release kind '" + text + "': expected 'stable', 'snapshot' or 'none'. "
                + "Fix <release> in the <branches><branch> entry of the gantry-maven-plugin configuration.");
    }

    public static GantryException invalidRule(String problem, String pattern) {
        return new GantryException("Invalid branch rule" + (pattern == null ? "" : " '" + pattern + "'") + ": " + problem
                + ". Fix the <branches><branch> entry in the gantry-maven-plugin configuration (see docs/configuration.md).");
    }

    // --- the version against the branch's convention --------------------------------------------

    public static GantryException stableBranchNeedsRelease(String branch, Version version, BranchRule rule,
            VersionSetting setting) {
        if (version.hasSnapshotSuffix() && Version.of(version.withoutSnapshot()).isStable()) {
            return new GantryException("Version " + version + " on branch '" + branch + "': this branch releases stable versions "
                    + "and requires X.Y.Z, not a -SNAPSHOT (" + rule + "). " + setting.setTo(version.withoutSnapshot())
                    + " to release it, or build this commit on a snapshot branch.");
        }
        String problem = version.problem();
        return new GantryException("Version '" + version + "' on branch '" + branch + "' is not a release version"
                + (problem.isEmpty() ? "" : " (" + problem + ")") + ": this branch requires X.Y.Z, three numbers such as "
                + "1.4.0 (" + rule + "). " + withThirdNumber(version.toString(), false, setting)
                .orElse(setting.setToThe("the form X.Y.Z") + "."));
    }

    /**
     * For a version of two numbers (1.0, 13.15-SNAPSHOT: Maven's archetype and many projects write them), the same
     * version with a third, the form every branch rule needs: "Set <version>13.15.0-SNAPSHOT</version> in pom.xml (mvn
     * versions:set -DnewVersion=13.15.0-SNAPSHOT sets every module's)."
     */
    private static java.util.Optional<String> withThirdNumber(String version, boolean snapshot, VersionSetting setting) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+)(-SNAPSHOT)?").matcher(version);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String three = m.group(1) + ".0" + (snapshot ? "-SNAPSHOT" : ""); // of the kind the branch needs
        return java.util.Optional.of(setting.setTo(three) + (setting.properties().isEmpty()
                ? " (mvn versions:set -DnewVersion=" + three + " sets every module's)." : "."));
    }

    /** @param tag the release tag the version would have, or null when the version is no release version at all */
    public static GantryException promotionNeedsReleasedVersion(String branch, Version version, BranchRule rule,
            String tag) {
        String problem = version.problem();
        String found = tag != null ? version + " is not released: no tag " + tag + " here or on the remote"
                : version.isSnapshot() ? version + " is a snapshot, not a released version X.Y.Z"
                : "'" + version + "' is not a release version X.Y.Z" + (problem.isEmpty() ? "" : " (" + problem + ")");
        return new GantryException("Branch '" + branch + "' promotes released versions and moves "
                + rule.environmentTagName().orElseThrow() + " to them (" + rule + "), but " + found + ". Release the "
                + "version on the stable branch first (its tag is pushed last, once its image and artifacts are in "
                + "place), then merge that branch into '" + branch + "'.");
    }

    public static GantryException snapshotBranchNeedsSnapshot(String branch, Version version, BranchRule rule,
            VersionSetting setting) {
        if (version.isStable()) {
            return new GantryException("Version " + version + " on branch '" + branch + "': this branch publishes snapshots and "
                    + "requires X.Y.Z-SNAPSHOT (" + rule + "). " + setting.setTo(version + "-SNAPSHOT") + ", or the next "
                    + "version's snapshot; release versions are built on the stable branch.");
        }
        String problem = version.problem();
        return new GantryException("Version '" + version + "' on branch '" + branch + "' is not a snapshot version of the "
                + "form this branch requires" + (problem.isEmpty() ? "" : " (" + problem + ")") + ": X.Y.Z-SNAPSHOT, such as "
                + "1.4.0-SNAPSHOT (" + rule + "). " + withThirdNumber(version.toString(), true, setting)
                .orElse(setting.setToThe("that form") + "."));
    }

    // --- release history ---------------------------------------------------------------------------

    /**
     * A release from a commit the remote's branch does not hold: pushed by its tag alone, it would be a release of no
     * branch, and the branch's next version could be released again from another commit.
     */
    public static GantryException commitNotOnRemoteBranch(RemoteBranchTip tip, String commit) {
        String remote = tip.remote();
        String branch = tip.branch();
        return new GantryException("Not releasing commit " + ReleaseContext.shorten(commit) + ": " + remote + "'s " + branch
                + " (at " + ReleaseContext.shorten(tip.commit()) + ") does not hold it. The commit was not pushed, or " + branch
                + " was rewritten past it (a force-push); a release is made from the branch as the remote has it, so that "
                + "its tag lies on the branch's history. Push the commit (git push) and let its pipeline release it, or "
                + "release from a commit " + remote + "'s " + branch + " holds. If the branch's remote in this clone is "
                + "not " + remote + ", name it with <gitRemote> or -Dgantry.git.remote=<name>.");
    }

    /** @param above the version the suggested bump goes above: this one, or the highest release when it is higher */
    public static GantryException alreadyReleasedElsewhere(Version version, String tag, String taggedCommit, String commit,
            Version above, VersionSetting setting) {
        return new GantryException(version + " is already released from commit " + ReleaseContext.shorten(taggedCommit) + " (tag "
                + tag + "), and this commit " + ReleaseContext.shorten(commit) + " sets the version to " + version
                + " again. A released version is never rebuilt: bump the version " + setting.where() + ", for example to "
                + nextPatch(above.toString()) + ".");
    }

    public static GantryException versionGoesBackwards(Version version, Version highest, String highestTag, String branch,
            VersionSetting setting) {
        return new GantryException("Version " + version + " is lower than " + highest + ", the highest version already released (tag "
                + highestTag + "). Set a version above " + highest + " " + setting.where() + ", or, if '" + branch
                + "' is a maintenance branch, "
                + "allow it with <allowMaintenance>true</allowMaintenance> in its <branches><branch> rule.");
    }

    public static GantryException uncommittedChanges(List<String> files) {
        String shown = String.join(", ", files.subList(0, Math.min(5, files.size())))
                + (files.size() > 5 ? " and " + (files.size() - 5) + " more" : "");
        boolean untracked = files.stream().anyMatch(f -> f.endsWith(" (untracked)"));
        return new GantryException((untracked ? "Uncommitted changes: " : "Uncommitted changes to tracked files: ") + shown
                + ". A stable release is built only from committed sources, so that the tag describes what was released. "
                + "Commit or revert them" + (untracked ? " (an untracked file in a module's sources: add it, delete it, or "
                + "list it in .gitignore)" : "") + ", or pass -Dgantry.allowDirty=true to release anyway.");
    }

    public static GantryException invalidMovingTag(String tag, String branch, BranchRule rule) {
        return new GantryException("The moving image tag '" + tag + "' that " + rule + " gives branch '" + branch
                + "' is no image tag a registry accepts: 1 to 128 letters, digits, '_', '.' and '-', not starting with '.' "
                + "or '-'. Nothing was built or pushed. Change the tag's template in that <branches><branch> rule (a "
                + "shorter text around {branch}), or name the branch otherwise.");
    }

    public static GantryException invalidReleaseTag(String tag, String prefix) {
        return new GantryException("The release tag would be '" + tag + "' (<tagPrefix> '" + prefix + "' then the version), "
                + "which git refuses as a tag name: no spaces or any of ~^:?*[\\, no '..', '//' or '@{', no part starting "
                + "with '.' or ending with '.lock', and no '-' first. Nothing was built. Set <tagPrefix> (or "
                + "-Dgantry.tagPrefix) to a prefix git accepts, such as the default 'v' or 'release/'.");
    }

    public static GantryException baseJavaTooOld(String mainClass, int classJava, int classVersion, String from,
            int baseJava) {
        return new GantryException("Main class " + mainClass + " is compiled for Java " + classJava + " (class file version "
                + classVersion + "), and the base image " + from + " runs Java " + baseJava + ": the container could not "
                + "start it (UnsupportedClassVersionError). Nothing was pushed. Set the Java the project is built for "
                + "(maven.compiler.release; Spring Boot: java.version), which the default base image follows, or set "
                + "<from> (-Dgantry.image.from) to a base image with Java " + classJava + " or later.");
    }

    public static GantryException headMovedSincePlan(String tag, String planned, String head) {
        return new GantryException("HEAD moved during the build: the release was planned and built from commit "
                + ReleaseContext.shorten(planned) + " (the image's revision label and the artifacts name it), and HEAD is now "
                + ReleaseContext.shorten(head) + ", so the tag " + tag + " was not written. A goal of the build, or another "
                + "process in the work tree, made or checked out a commit. Tag the released commit yourself (git tag -a "
                + tag + " " + planned + " and git push), or re-run the pipeline on " + ReleaseContext.shorten(planned)
                + ": what is published is kept.");
    }

    public static GantryException imageLabelsUnreadable(String repository, String digest, GantryException cause) {
        return new GantryException("Cannot read the labels of the image " + digest + " that a tag of " + repository
                + " holds: " + cause.getMessage() + " Gantry reads them to keep a moving tag from going back to an older "
                + "commit's image, and to tell whether a taken version tag holds this commit's release; it does not guess. "
                + "Let the CI's credentials pull from the repository (Amazon ECR: ecr:BatchGetImage and "
                + "ecr:GetDownloadUrlForLayer), then re-run the pipeline: what is pushed is kept.", cause);
    }

    public static VersionTaken tagOnAnotherCommit(String tag, String taggedCommit, String commit) {
        return new VersionTaken(where -> "Tag " + tag + " already exists on commit " + ReleaseContext.shorten(taggedCommit)
                + ", not on this commit " + ReleaseContext.shorten(commit) + ": the version was released from another commit. "
                + "Bump the version " + where + "; never move a release tag.");
    }


    // --- git ---------------------------------------------------------------------------------------

    public static GantryException notAGitRepository(String dir) {
        return new GantryException("No git repository found at " + dir + " or any parent directory. Gantry decides releases "
                + "from git (branch, commit, tags): build from a git clone, or pass -Dgantry.skip=true to build without Gantry "
                + "(maven-deploy-plugin then deploys as usual). A parent POM that declares Gantry for the projects inheriting it "
                + "is built the same way: released from its own git repository, or deployed with -Dgantry.skip=true "
                + "(docs/platform-parent.md).");
    }

    public static GantryException noCommit(String dir) {
        return new GantryException("The git repository at " + dir + " has no commit yet. Commit the project first; "
                + "releases are made from commits.");
    }

    public static GantryException tagBuild(String variable) {
        return new GantryException("This is a CI build of a tag (" + variable + "), not of a branch, and HEAD is detached: "
                + "Gantry releases a branch's commits and pushes their tags itself, so a tag build has nothing to release. "
                + "Run the deploy job for branches only (GitLab: rules: - if: $CI_COMMIT_BRANCH; GitHub Actions: on: push: "
                + "branches), or pass -Dgantry.branch=<branch> to build the tag's commit as that branch would.");
    }

    /** @param unread the branch variables set here whose CI system is not active, with the variable that activates it */
    public static GantryException noBranch(String tried, List<String> unread) {
        if (!unread.isEmpty()) {
            return new GantryException("Cannot tell which branch is being built: HEAD is detached, and the CI branch "
                    + "variables set here are not read, since their CI system's own variable is not: "
                    + String.join("; ", unread) + ". Pass that variable into the build's environment too (a container "
                    + "or a script that runs Maven may leave it out), check out the branch (git checkout <branch>), or "
                    + "pass -Dgantry.branch=<branch>.");
        }
        return new GantryException("Cannot tell which branch is being built: HEAD is detached and no CI branch variable is set "
                + "(tried " + tried + "). Check out the branch (git checkout <branch>), or pass -Dgantry.branch=<branch>.");
    }

    public static GantryException gitUnreadable(String what, String where, String detail, Throwable cause) {
        return new GantryException("Cannot read " + what + " of the git repository at " + where + ": " + detail + ". Check that "
                + "the clone is complete and readable (git fsck), or clone it anew.", cause);
    }

    public static GantryException tagUnwritable(String tag, String where, String detail, Throwable cause) {
        return new GantryException("Cannot write the tag " + tag + " in the git repository at " + where + ": " + detail
                + ". Check that the repository is writable (permissions, a .lock file left by an interrupted git command), "
                + "then re-run: what is published is kept.", cause);
    }

    public static GantryException remoteUnreachable(String remote, String detail) {
        return new GantryException("Cannot list the tags of git remote '" + remote + "': " + detail + ". Gantry asks the remote "
                + "so that shallow clones decide right. Check the remote's URL and credentials (git ls-remote " + remote
                + " must work), or set -Dgantry.git.remote=<name>.");
    }

    public static GantryException tagPushRefused(String tag, String remote, String detail) {
        return new GantryException("The remote '" + remote + "' refused the tag " + tag + ": " + detail + ". What the "
                + "release publishes before its tag is published; the release is complete once the tag is pushed. Give the "
                + "CI's credentials permission to push tags (protected tags, branch rules, hooks), then re-run the pipeline: "
                + "what is done is kept.");
    }

    /** The push did not reach the remote, or broke off (no answer, a host not found, a time-out): nothing refused it. */
    public static GantryException tagPushFailed(String tag, String remote, String detail) {
        return new GantryException("Pushing the tag " + tag + " to the remote '" + remote + "' failed: " + detail + ". What "
                + "the release publishes before its tag is published; the release is complete once the tag is pushed. "
                + "Check that the CI reaches the remote and that its URL and credentials are valid (git push " + remote
                + " refs/tags/" + tag + " shows what git says), then re-run the pipeline: what is done is kept.");
    }

    /** Not a refusal but a warning: the environment tag stays on the later commit a later build moved it to. */
    public static String environmentTagKeptOnTip(String tag, String tip, String head, String branch) {
        return "The environment tag " + tag + " is on " + ReleaseContext.shorten(tip) + ", the tip of branch '" + branch
                + "', whose build finished first; this commit (" + ReleaseContext.shorten(head) + ") is no longer the "
                + "branch's tip. The tag stays there: the environment follows the branch's tip.";
    }

    public static String environmentTagKeptByOtherBuilds(String tag, int attempts) {
        return "The environment tag " + tag + " was moved by other builds between each of this build's " + attempts
                + " look-ups and its push: left where they put it. The release itself is complete; the next build of the "
                + "branch's tip moves the tag if it must.";
    }

    /** @param tip the branch's tip on the remote, or null when it is not known */
    public static String environmentTagKeptOnLaterCommit(String tag, String theirs, String head, String branch,
            String tip) {
        String notTip = branch == null ? "the branch is not known"
                : tip == null ? "the remote has no branch '" + branch + "' to tell which commit is its tip"
                : "this commit is no longer the tip of branch '" + branch + "' (" + ReleaseContext.shorten(tip) + ")";
        return "The environment tag " + tag + " is on " + ReleaseContext.shorten(theirs) + ", committed at the same time "
                + "as this commit (" + ReleaseContext.shorten(head) + ") or later, and " + notTip + ". The tag stays "
                + "there, so that the environment does not go back to an older commit; a build of the branch's tip "
                + "moves it.";
    }

    public static GantryException environmentTagPushRefused(String tag, String remote, String detail) {
        return new GantryException("The remote '" + remote + "' refused to move the environment tag " + tag + ": " + detail
                + ". The release itself is complete. Give the CI's credentials permission to force-push this tag (protected "
                + "tags, hooks), or remove the environment tag from the <branches><branch> rule, then re-run the pipeline.");
    }

    // --- reactor and publishing ----------------------------------------------------------------------

    public static GantryException reactorVersionsDiffer(String topVersion, List<String> differing) {
        return new GantryException("All published modules must share the top-level version " + topVersion + ", but "
                + String.join(", ", differing) + ". Set the same <version> in every module (mvn versions:set -DnewVersion="
                + topVersion + "), or leave a module out of the publish with <maven.deploy.skip>true</maven.deploy.skip> in its properties.");
    }

    /** @param found "orders-app depends on com.acme:util:0.1.0-SNAPSHOT (compile)", "… 's parent …" */
    public static GantryException snapshotDependencies(String version, List<String> found) {
        return new GantryException("Release " + version + " depends on " + (found.size() == 1 ? "a snapshot" : "snapshots")
                + ": " + String.join("; ", found) + ". A snapshot changes after it is built, and a release is immutable: "
                + "its image would hold, and its published POMs name, whatever the snapshot is today, and its tag could "
                + "not rebuild it. Release " + (found.size() == 1 ? "it" : "each") + " first and depend on that version "
                + "(mvn versions:use-releases, or a new X.Y.Z of the parent), then push again. Nothing was built.");
    }

    /** As {@link #dependsOnUnpublishedModules}, for the image's module: a warning. */
    public static String imageModuleNeedsUnpublishedModules(String module, List<String> found) {
        return "The jar of " + module + ", the module the image is built from, is published with a POM that needs modules "
                + "this release does not publish: " + String.join("; ", found) + ". Its image holds them, but a build "
                + "that depends on that jar could not resolve them. Publish them too, or, if the image is the release of "
                + module + ", leave its jar out (<maven.deploy.skip>true</maven.deploy.skip> in its properties).";
    }

    /** @param found "feign-gson depends on feign-core (compile), which maven-deploy-plugin is told to skip (…)" */
    public static GantryException dependsOnUnpublishedModules(List<String> found) {
        return new GantryException("The release would publish modules that need modules of this reactor it does not "
                + "publish: " + String.join("; ", found) + ". Their users could not resolve what is missing. Publish "
                + (found.size() == 1 ? "that module" : "those modules") + " (remove the setting that leaves "
                + (found.size() == 1 ? "it" : "them") + " out), or leave out the modules that need "
                + (found.size() == 1 ? "it" : "them") + " as well. Nothing was built.");
    }

    /** {@code mvn -o deploy} of a release that goes beyond this machine. */
    public static GantryException offline(String what) {
        return new GantryException("Maven runs offline (-o), and this build would " + what + ": Gantry cannot do that "
                + "offline, and refuses before anything is pushed or published. Run 'mvn deploy' without -o, or preview "
                + "the release offline with -Dgantry.dryRun=true.");
    }

    public static GantryException partialReactor(List<String> left) {
        return new GantryException("This build leaves out modules of the reactor (" + String.join(", ", left) + "), as "
                + "-pl or -rf do, and a release is made of every module that runs Gantry's goals: nothing is published. "
                + "Run mvn deploy on the whole project; a re-run keeps what an earlier run published. A module that runs "
                + "Gantry's goals is part of the release even when it is not published (a module of tests gates it); "
                + "only one out of the release by its own POM (gantry.skip in its properties or <skip> in the plugin's configuration there, or its Gantry executions "
                + "at phase none) may be left out.");
    }

    public static GantryException emptyRelease(String version, String tag, String noImage) {
        return new GantryException("This release of " + version + " would publish nothing, and push only the tag " + tag
                + ", which marks " + version + " released for good: no artifacts (maven-deploy-plugin is told to skip every "
                + "module: maven.deploy.skip or its <skip>), and no image (" + noImage + ") To release, publish the "
                + "artifacts (drop maven.deploy.skip) or build an image; to preview, pass -Dgantry.dryRun=true, or run mvn "
                + "verify.");
    }

    public static String previewLeavesOut(List<String> left) {
        return "This build leaves out modules of the release (" + String.join(", ", left) + "), as -pl or -rf do: it "
                + "previews the plan, and mvn deploy with the same selection would be refused. The release is made of "
                + "every module it publishes: deploy the whole project.";
    }

    public static GantryException nonRecursiveBuild(String top, List<String> modules) {
        return new GantryException("This build is not recursive (-N, --non-recursive): Maven builds only " + top
                + ", not the modules it lists (" + String.join(", ", modules) + "), and a release is made of every module: "
                + "nothing is published. Run mvn deploy without -N; a re-run keeps what an earlier run published.");
    }

    public static GantryException buildStartedInModule(String module, String moduleDir, String root) {
        return new GantryException("This build starts in module " + module + " (" + moduleDir + "), a module of the project "
                + "in " + root + ": Maven builds only " + module + " (and the modules it lists) then, and a release is made "
                + "of every module of the repository: nothing is published. Run mvn deploy in " + root + " (not in the "
                + "module's directory, nor with -f pointing at its pom.xml); a re-run keeps what an earlier run published.");
    }

    public static GantryException reactorFailed(String goal, List<String> failed) {
        return new GantryException("Not running " + goal + " at the end of the reactor: " + String.join(", ", failed)
                + " failed, and a release is made of every module (-fae or --fail-never let the build go on). Nothing more is "
                + "published or tagged; fix the failure and re-run: what is already published is kept.");
    }

    /** A warning: under -fae, the image goal leaves the image where it is once a module has failed. */
    public static String imageHeldBack(List<String> failed) {
        return "Not pushing the image: " + String.join(", ", failed) + " failed, and a release is made of every module "
                + "(-fae or --fail-never let the build go on), so no tag moves to an image whose release cannot complete. "
                + "Fix the failure and re-run mvn deploy: on this commit when the failure was not in the code (a flaky "
                + "test, the network), otherwise on the commit that fixes it.";
    }

    /**
     * maven-deploy-plugin's alternative repository, which Gantry publishes to as it would, in a form it does not read.
     *
     * @param value the value, its URL's credentials already removed
     */
    public static GantryException invalidAltDeploymentRepository(String parameter, String value) {
        return new GantryException("maven-deploy-plugin's " + parameter + " is '" + value + "', which is not <server id>::<url>"
                + " (or the 2.x form <server id>::default::<url>). gantry:publish publishes where maven-deploy-plugin would"
                + " deploy, and cannot tell where that is; nothing was built or published. Set -D" + parameter
                + "=<server id>::<url>, for example nexus::https://nexus.example.com/repository/releases (the id picks the"
                + " <server> of settings.xml whose credentials are sent), or remove it to publish to the POM's"
                + " distributionManagement.");
    }

    /**
     * @param excluded the modules the plugin leaves out ({@code <excludeArtifacts>}) that gantry:publish would publish
     *                 once the plugin is gone
     */
    public static GantryException otherDeployer(String plugin, String goal, String skipParameter, List<String> modules,
            List<String> excluded) {
        return new GantryException(plugin + " deploys " + String.join(", ", modules) + " (its " + goal + " goal, in the "
                + "deploy phase), and so does gantry:publish: this mvn deploy would deploy "
                + (modules.size() == 1 ? "it" : "them") + " twice, the second time outside the branch's rules. Nothing was "
                + "built or published. Let Gantry publish: leave " + plugin + " out of this build (it is often declared "
                + "in a release profile: run without that profile, or remove it from <build><plugins>), or set <"
                + skipParameter + ">true</" + skipParameter + "> in the <properties> of the POM that declares "
                + "gantry:publish (" + plugin + " is often inherited from a parent POM such as oss-parent); skipped, "
                + (plugin.equals("central-publishing-maven-plugin")
                        ? "central-publishing-maven-plugin still looks up the settings.xml <server> it names in a release "
                                + "build (and fails it without one), and " + sbomOfASkippedModule(skipParameter)
                                + ", so leaving it out is the better way"
                        : sbomOfASkippedModule(skipParameter))
                + "; or keep deploying with " + plugin + " and remove the publish goal from Gantry's execution."
                + (excluded.isEmpty() ? "" : " Left out or skipped, " + plugin + " no longer keeps "
                        + String.join(", ", excluded) + " (its <excludeArtifacts>) from being published: Gantry would "
                        + "publish " + (excluded.size() == 1 ? "it" : "them") + " then, unless <maven.deploy.skip>true"
                        + "</maven.deploy.skip> is set in " + (excluded.size() == 1 ? "its" : "their") + " <properties>."));
    }

    /** Another publisher deploys modules that run gantry:publish but that Gantry leaves out: maven-deploy-plugin skips them. */
    public static GantryException otherDeployerAlone(String plugin, String goal, String skipParameter,
            List<String> modules) {
        boolean one = modules.size() == 1;
        String them = one ? "it" : "them";
        return new GantryException(plugin + " deploys " + String.join(", ", modules) + " (its " + goal + " goal, in the "
                + "deploy phase), and gantry:publish leaves " + them + " out, as maven-deploy-plugin is told to skip "
                + them + " (maven.deploy.skip or its <skip>): this mvn deploy would publish " + them + " with " + plugin
                + " alone, outside the branch's rules (on any branch, and a release before Gantry's checks and without "
                + "its tag). Nothing was built or published. Let Gantry publish: leave " + plugin + " out of this build "
                + "(it is often declared in a release profile: run without that profile, or remove it from "
                + "<build><plugins>), and remove maven-deploy-plugin's skip from the modules to publish (it is often set "
                + "because " + plugin + " replaces it); a module to be published nowhere (tests, examples) keeps it. Or "
                + "tell " + plugin + " to skip " + them + " too (<" + skipParameter + ">true</" + skipParameter + "> in "
                + (one ? "its" : "their") + " <properties>); or keep publishing with " + plugin + " and remove the "
                + "publish goal from Gantry's execution.");
    }

    /**
     * The caveat of skipping a Sonatype publisher, the same for each: CycloneDX's {@code skipNotDeployed} (on by default)
     * asks maven-deploy-plugin and Sonatype's publishers whether a module is deployed, and a module whose only deployer is
     * skipped gets no SBOM, which would then be missing from what Gantry publishes, silently.
     */
    private static String sbomOfASkippedModule(String skipParameter) {
        return "it makes CycloneDX take the module for one that is not deployed and leave out its SBOM (\"Skipping "
                + "CycloneDX goal, because module skips deploy\"): set <cyclonedx.skipNotDeployed>false"
                + "</cyclonedx.skipNotDeployed> beside <" + skipParameter + ">true</" + skipParameter + "> to keep it";
    }

    /**
     * jib-maven-plugin configured in the image's module to build an image other than Gantry's: Gantry reads none of its
     * configuration, so the image pushed would lack what the team had set (a base image, JVM flags, an environment).
     *
     * @param differences          each worded by {@link #jibSettingDiffers}, {@link #jibSettingMissing} or
     *                             {@link #jibSettingWithoutEquivalent}
     * @param someWithoutEquivalent whether a setting Gantry has none of is among them: moving settings over is not all
     */
    public static GantryException jibSettingsNotCarriedOver(String module, List<String> differences,
            boolean someWithoutEquivalent) {
        return new GantryException("jib-maven-plugin's configuration for module " + module + " (in its POM or a "
                + "parent's, a <pluginManagement> included, or a -Djib.* property) shapes the image in ways Gantry's "
                + "configuration does not, and Gantry builds the image from its own configuration alone: "
                + String.join("; ", differences) + ". Nothing was pushed. Set each of Gantry's parameters as named, in the "
                + "gantry-maven-plugin's <configuration> (Gantry's docs/migrating-from-jib.md maps every setting)"
                + (someWithoutEquivalent ? "; a setting Gantry has none of cannot be carried over: remove it from "
                        + "jib-maven-plugin's configuration if the service runs without it, or keep building this image "
                        + "with jib-maven-plugin" : "")
                + ". Then remove jib-maven-plugin's configuration where it is set (or the plugin): where the two agree, "
                + "the build goes on.");
    }

    /** One of Jib's settings whose value Gantry's parameter does not have: {@code toSet} is what to write. */
    public static String jibSettingDiffers(String setting, String property, String jibs, String gantrys, String toSet) {
        return setting + " (" + property + ") is " + jibs + "; Gantry's is " + gantrys + ": set Gantry's " + toSet;
    }

    /**
     * Entries of one of Jib's settings (environment, ports, labels) that Gantry's image lacks or holds otherwise:
     * {@code toAdd} sets them.
     */
    public static String jibSettingMissing(String setting, String property, String missing, String toAdd,
            String parameter) {
        return setting + " (" + property + ") holds " + missing + ", which Gantry's image does not: set " + toAdd
                + " in Gantry's " + parameter;
    }

    public static String jibSettingWithoutEquivalent(String setting, String value) {
        return setting + " is " + value + ": Gantry has no such setting";
    }

    /**
     * jib-maven-plugin's build goal in a {@code mvn deploy} that runs gantry:image: the image pushed twice.
     *
     * @param how                where the goal comes from: a POM's execution, or the command line
     * @param fromTheCommandLine the command line names it
     * @param ranBefore          the command line names it before {@code deploy}: Maven ran it before the plan could refuse
     */
    public static GantryException imagePushedTwice(String module, String how, boolean fromTheCommandLine,
            boolean ranBefore) {
        return pushedTwice("jib-maven-plugin's build goal runs in this mvn deploy (" + how + ") and pushes the image of "
                + module, "Jib's", ranBefore, fromTheCommandLine, fromTheCommandLine ? "run mvn deploy without jib:build"
                        : "bind that execution to <phase>none</phase> in the module's POM (mvn jib:dockerBuild still "
                                + "works), or remove it from the POM that declares it (the module's or a parent's), or "
                                + "set <jib.skip>true</jib.skip> in the module's <properties> (which skips Jib's other "
                                + "goals too)",
                "move Jib's image settings to Gantry's configuration too: the image goal names each one left behind "
                        + "(Gantry's docs/migrating-from-jib.md)");
    }

    /**
     * How an execution binds another plugin's goal, for {@link #imagePushedTwice} and its kin.
     *
     * @param declaredIn the POM that declares the execution when not the module's own (a parent's), else null
     */
    public static String boundBy(String execution, String declaredIn, String phase, boolean itsOwnPhase) {
        String named = "its execution " + execution + (declaredIn == null ? "" : ", declared in " + declaredIn + ",");
        return itsOwnPhase ? named + (declaredIn == null ? "," : "") + " without <phase>, runs at the goal's default "
                + "phase, " + phase : named + " binds it to phase " + phase;
    }

    public static String namedOnTheCommandLine(String goal) {
        return "named on the command line: " + goal;
    }

    /**
     * Spring Boot's build-image goal, publishing, in a {@code mvn deploy} that runs gantry:image (as above).
     *
     * @param publishing where publishing is switched on: {@code <image><publish>true</publish></image> in its
     *                   configuration}, a {@code -D}, the module's {@code <properties>}
     * @param named      the goal as the command line names it, or null when a POM binds it
     */
    public static GantryException imagePushedTwiceByBuildpacks(String module, String goal, String how,
            String publishing, String named, boolean ranBefore) {
        return pushedTwice("spring-boot-maven-plugin's " + goal + " goal runs in this mvn deploy (" + how + ") with "
                + "publishing on (" + publishing + "), and pushes an image of " + module, "Spring Boot's", ranBefore,
                named != null, named != null ? "run mvn deploy without " + named + " (or without publishing on)"
                        : "turn its publishing off where it is set (the image is still built in the local Docker "
                                + "daemon), or bind that execution to <phase>none</phase> in the POM that declares it "
                                + "(the module's or a parent's), or remove it there, or set "
                                + "<spring-boot.build-image.skip>true</spring-boot.build-image.skip> in the module's "
                                + "<properties>",
                "carry what the buildpacks' image was given into Gantry's configuration: the Java version and JVM "
                        + "options of its <env> (BP_JVM_VERSION: Gantry's <from>; BPE_*, JAVA_TOOL_OPTIONS: "
                        + "<jvmFlags>), other environment variables (<environment>) and ports (<ports>); Gantry builds "
                        + "the image with Jib and reads no buildpack setting (Gantry's docs/migrating-from-jib.md)");
    }

    /**
     * The push goal of a Dockerfile plugin in a {@code mvn deploy} that runs gantry:image (as above).
     *
     * @param pushingModule the module that binds it when not the image's (it depends on that module), else null
     * @param skipProperty  the property that turns its push off in the plugin's version, else null
     * @param pushingOn     where its push is switched on, for a goal that pushes only when told to (Spotify's older
     *                      plugin's {@code pushImage}), else null
     * @param unread        the image name Gantry cannot read (a placeholder) that makes its push count as the module's
     *                      image, else null
     * @param named         the goal as the command line names it, or null when a POM binds it
     */
    public static GantryException imagePushedTwiceFromDocker(String module, String pushingModule, String plugin,
            String goal, String skipProperty, String how, String pushingOn, String unread, String named,
            boolean ranBefore) {
        String where = pushingModule == null ? "the module's" : "module " + pushingModule + "'s";
        String skip = skipProperty == null ? "" : ", or set <" + skipProperty + ">true</" + skipProperty + "> in " + where
                + " <properties>";
        String another = unread == null ? "" : "; if it pushes another image than " + module + "'s, name that image "
                + "in its configuration (Gantry compares the last part of each name with its <imageRepository>'s), or "
                + "build it in a module that does not depend on " + module + ", and Gantry leaves it alone";
        return pushedTwice(plugin + "'s " + goal + " goal runs in this mvn deploy (" + how + ")"
                + (pushingOn == null ? "" : " with pushing on (" + pushingOn + "),") + " and pushes an image "
                + "of " + module + (pushingModule == null ? "" : " from module " + pushingModule + ", which depends on "
                        + "it") + (unread == null ? ""
                                : " (as far as Gantry can tell: it cannot expand the name " + unread + ")"),
                plugin + "'s", ranBefore,
                named != null, (named != null ? "run mvn deploy without " + named
                        : pushingOn != null ? (pushingOn.startsWith("-D") ? "run mvn deploy without " + pushingOn
                                : "turn its push off where it is set") + " (the image is still "
                                + (goal.equals("tag") ? "tagged" : "built") + ")" + skip
                        : "remove " + goal + " from that execution's <goals> in the POM that declares it (where a "
                                + "parent's POM binds it, declare that execution's <id> in " + where + " POM with "
                                + "<phase>none</phase>)" + skip) + another,
                "carry what its Dockerfile or image configuration sets into Gantry's configuration: the base image "
                        + "(FROM: Gantry's <from>), environment (ENV: <environment>), ports (EXPOSE: <ports>), user "
                        + "(USER: <user>) and the java command's flags (<jvmFlags>); Gantry builds the image with Jib "
                        + "and reads no Dockerfile (Gantry's docs/migrating-from-jib.md)");
    }

    /**
     * Quarkus's image-push goal, which builds the application and pushes its container image whatever
     * {@code quarkus.container-image.push} says, in a {@code mvn deploy} that runs gantry:image (as above).
     *
     * @param named the goal as the command line names it, or null when a POM binds it
     */
    public static GantryException imagePushedTwiceByQuarkusImagePush(String module, String plugin, String how,
            String named, boolean ranBefore) {
        return pushedTwice(plugin + "'s image-push goal runs in this mvn deploy (" + how + ") and pushes a container "
                + "image of " + module + " (whatever quarkus.container-image.push says)", "Quarkus's", ranBefore,
                named != null, named != null ? "run mvn deploy without " + named
                        : "remove image-push from that execution's <goals> in the POM that declares it (the module's "
                                + "or a parent's), leaving quarkus-maven-plugin's build goal bound: it builds the "
                                + "application Gantry's image is made of",
                QUARKUS_CARRY_OVER);
    }

    /**
     * A Quarkus build told to push its container image, in a {@code mvn deploy} that runs gantry:image (as above).
     *
     * @param where     where the push is switched on: a {@code -D}, an environment variable, application.properties, the POM
     * @param extension the container-image extension the module depends on
     */
    public static GantryException imagePushedTwiceByQuarkus(String module, String where, String extension) {
        return pushedTwice("Quarkus's build runs in this mvn deploy and pushes a container image of " + module
                + " (" + where + ", with " + extension + " among the module's dependencies)", "Quarkus's", false, false,
                "set quarkus.container-image.push to false where it is set, or remove it there, or remove the "
                        + "container-image extension from the module's dependencies (-Dquarkus.container-image.push="
                        + "false on the command line outranks every other setting)",
                QUARKUS_CARRY_OVER);
    }

    private static final String QUARKUS_CARRY_OVER = "carry what the quarkus.container-image.* and quarkus.jib.* "
            + "settings set into Gantry's configuration (the base image: Gantry's <from>; JVM arguments: <jvmFlags>; "
            + "environment, ports, user); Gantry builds the image from Quarkus's fast-jar with Jib and reads none of them "
            + "(Gantry's docs/migrating-from-jib.md)";

    /**
     * @param ranBefore Maven ran the goal before the plan: named on the command line before {@code deploy}, or bound to
     *                  the clean lifecycle, which {@code mvn clean deploy} runs in a module before its validate
     * @param named     the command line names the goal
     */
    private static GantryException pushedTwice(String pushes, String whose, boolean ranBefore, boolean named,
            String turnOff, String carryOver) {
        return new GantryException(pushes + ", and so does gantry:image: the image would be pushed twice, " + whose
                + " outside the branch's rules (its tags, on any branch, with no check). "
                + (ranBefore ? "That goal, " + (named ? "named before deploy" : "bound to the clean lifecycle")
                        + ", ran before this check and may have pushed its image; Gantry built and pushed nothing. "
                        : "Nothing was built or pushed. ")
                + "Let Gantry push the image: " + turnOff + "; then " + carryOver + ".");
    }

    /**
     * A module sets a setting of the plan, which is read once, in the module the plan is made in.
     *
     * @param theirs the module's value and where it is set
     * @param plans  what the plan's is: {@code is gitflow}, {@code is not set}, {@code holds none}
     */
    public static GantryException planSettingInModule(String module, String parameter, String theirs, String planning,
            String plans) {
        return new GantryException("Module " + module + " sets Gantry's <" + parameter + "> to " + theirs + ", but "
                + "Gantry makes one plan for the whole reactor, in " + planning + ", where <" + parameter + "> " + plans
                + ": the module's value would be ignored. Nothing was built or published. Set <" + parameter + "> where "
                + "the plan is made, in " + planning + "'s POM (or the parent POM the modules inherit gantry-maven-plugin "
                + "from), and remove it from module " + module + " (its gantry-maven-plugin configuration or "
                + "<properties>, or the parent POM it inherits them from).");
    }

    public static GantryException deployGoalNamed(String goal) {
        return new GantryException("The build names maven-deploy-plugin's goal " + goal + ", which would deploy every "
                + "module on its own, outside the release gantry:publish makes (no branch rule, no check of what is "
                + "published, no tag). Nothing was built or published. Run mvn deploy: gantry:publish publishes what "
                + "maven-deploy-plugin would, where it would.");
    }

    public static GantryException unpublishedTopLevelVersion(String top, String version, List<String> differing) {
        return new GantryException("The reactor's top-level project " + top + " is not published, yet its version "
                + version + " is the one Gantry plans the release of, and the modules it publishes differ: "
                + String.join(", ", differing) + ". Give the top-level POM the modules' version (mvn versions:set sets "
                + "every module's), so that the plan judges the version that is published.");
    }

    public static GantryException deployedOutsideTheRelease(List<String> modules) {
        return new GantryException("maven-deploy-plugin would deploy " + String.join(", ", modules) + " on "
                + (modules.size() == 1 ? "its own: that module does" : "their own: those modules do") + " not declare "
                + "gantry-maven-plugin's publish goal (a parent outside the reactor, or a POM that does not inherit the "
                + "plugin), so the release's all-or-none publish would leave " + (modules.size() == 1 ? "it" : "them")
                + " out, the tag could come before " + (modules.size() == 1 ? "it" : "them") + ", and every re-run would "
                + "deploy " + (modules.size() == 1 ? "it" : "them") + " again. Nothing was built or published. Declare the "
                + "plugin's executions in " + (modules.size() == 1 ? "that module" : "those modules") + " (or in "
                + "a parent of the reactor), or leave " + (modules.size() == 1 ? "it" : "them") + " out of the deploy "
                + "with <maven.deploy.skip>true</maven.deploy.skip>.");
    }

    /** A warning: the build goes on, and deploys once, but not as it should. */
    public static String deployPluginNotUnbound(List<String> modules) {
        return "gantry-maven-plugin is declared without <extensions>true</extensions>, so it turned maven-deploy-plugin off in "
                + String.join(", ", modules) + " by setting the property maven.deploy.skip, which other plugins read too "
                + "(CycloneDX then leaves the module out of its SBOM). Add <extensions>true</extensions> to the "
                + "gantry-maven-plugin <plugin> element of the POM: Gantry then unbinds maven-deploy-plugin's default-deploy "
                + "execution before the build starts and sets no property.";
    }

    /**
     * A warning of the plan: a module's execution of some steps is bound to a phase this build does not reach (a typo, a
     * site or clean phase, a custom name used to turn it off). The module leaves those steps, as with phase none, so the
     * release the plan states is the one made; a warning rather than phase none's information, since the phase may be a
     * mistake.
     */
    public static String phaseNotReached(String module, String execution, String phase, List<String> steps) {
        return "Left out of the release: " + module + " (" + String.join(", ", steps) + "): its execution '" + execution
                + "' is bound to phase " + phase + ", which mvn deploy does not reach, so it takes no part in those steps "
                + "and the other modules are released without it. To release it, bind the execution to deploy or an earlier "
                + "phase (or leave <phase> out: the goals' own phase); to leave it out on purpose, say <phase>none</phase>, "
                + "which the plan reports without a warning.";
    }

    /** Maven could not compute a module's execution plan, which tells whether its Gantry executions run. */
    public static GantryException cannotPlanModule(String module, String goals, Exception cause) {
        return new GantryException("Cannot tell whether Gantry's goals run in " + module + ": Maven could not plan '" + goals
                + "' for that module (" + cause.getMessage() + "). Gantry asks this before anything moves, and the same error "
                + "would stop the build at that module: fix what Maven reports about its plugins, then re-run.", cause);
    }

    /**
     * The last safety net: the build ended without a failure, yet a step of the plan's release never did its
     * end-of-reactor work (a module whose execution never ran it held the count back).
     *
     * @param steps        the steps not done, in order
     * @param modulesByWhy the modules that held the release back, by why ({@code "failed"}, {@code "was not built (…)"},
     *                     {@code "never ran it: …"}), in the reactor's order: each reason said once, for all its modules
     * @param done         what was in place when the build ended
     * @param nothingInPlace whether this build found nothing of the release in place (nor its tag on this commit): a
     *                     commit that fixes the code can release the same version then, and must bump it otherwise (what
     *                     is in place is this commit's)
     * @param failed       whether a module failed (-fae, --fail-never): fixing it is what to do
     */
    public static GantryException releaseUnfinished(String version, List<String> steps, Map<String, List<String>> modulesByWhy,
            String done, boolean nothingInPlace, boolean failed) {
        List<String> why = new ArrayList<>();
        modulesByWhy.forEach((reason, modules) -> why.add(String.join(", ", modules) + " "
                + (modules.size() > 1 ? reason.replaceFirst("^was ", "were ") : reason)));
        return new GantryException("The plan was to release " + version + ", but the build ended without completing it: the "
                + "end-of-reactor work of " + inWords(steps) + " never ran"
                + (why.isEmpty() ? "" : ", because " + String.join("; ", why)) + ". So far " + done + ". "
                + (failed ? "A release is made of every module: once the failure is fixed, re-run mvn deploy on the whole "
                        + "reactor (not with Maven's -rf, which builds a part of it). When the failure was not in the code (a "
                        + "flaky test, the network), re-run it on this commit: it completes the release. When the code must "
                        + "change, the commit that fixes it " + (nothingInPlace ? "releases " + version + "; if an "
                                + "earlier run of this commit published part of " + version + " and the fix changes those "
                                + "files, that release is refused, and the version is to be bumped."
                                : "must bump the version: what is in place of " + version + " is this commit's.")
                        : "A release is made of every module that runs Gantry's goals: bind them in every module of the "
                                + "release, or leave a module out with <gantry.skip>true</gantry.skip> in its properties (or "
                                + "<phase>none</phase> on its execution of every step), then re-run mvn deploy on this "
                                + "commit: it completes the release."));
    }

    // --- the build's own files ------------------------------------------------------------------------------------

    /** An output of an earlier run (plan.json, release.json, image.digest) that must go before planning. */
    public static GantryException cannotRemoveOutput(String file, Exception cause) {
        return new GantryException("Cannot remove " + file + ", left by an earlier run: " + cause.getMessage()
                + ". Check that the build directory is writable, or run mvn clean.", cause);
    }

    /** A file of the build that Maven itself has read (.mvn/maven.config), unreadable when Gantry reads it again. */
    public static GantryException cannotRead(String file, Exception cause) {
        return new GantryException("Cannot read " + file + ": " + cause.getMessage()
                + ". Check that it is readable by the user running Maven.", cause);
    }

    public static GantryException cannotWrite(String file, Exception cause) {
        return new GantryException("Cannot write " + file + ": " + cause.getMessage()
                + ". Check that the build directory is writable.", cause);
    }

    /**
     * @param found  each POM element as written, with its module ({@code <version>${revision}</version> (core)})
     * @param inPlan whether refused in validate (else when the publish collects the module's artifacts)
     */
    public static GantryException unresolvedPomVersion(List<String> found, boolean inPlan) {
        String flatten = "flatten-maven-plugin (org.codehaus.mojo) with <flattenMode>resolveCiFriendliesOnly</flattenMode> "
                + "and <updatePomFile>true</updatePomFile> (without it, a pom module's POM stays as written), its flatten "
                + "goal bound to process-resources (https://maven.apache.org/maven-ci-friendly.html)";
        return new GantryException("The POM" + (found.size() == 1 ? "" : "s") + " this build would publish "
                + (found.size() == 1 ? "has its" : "have their") + " version unresolved, as written: "
                + String.join(", ", found) + ". Maven 3.9 deploys a module's POM as written, and no consumer could resolve "
                + "that version or read the parent it names: the release would be published broken, and a release is "
                + "immutable. Nothing was " + (inPlan ? "built or published. Add " + flatten + " to the <build><plugins> of "
                        + "the parent POM the modules inherit: Maven then deploys the flattened POM, its version resolved."
                        : "published. The file named is the POM Maven deploys for the module, as the build left it (a "
                        + ".flattened-pom.xml is flatten-maven-plugin's; pom.xml, the POM as written): have it resolved, "
                        + "with " + flatten + ", not skipped.")
                + " Or build with Maven 4, which deploys a consumer POM with the version resolved.");
    }

    public static GantryException moduleNotPackaged(String module, String packaging) {
        return new GantryException("Module " + module + " has no " + packaging + " file to publish: the package phase did not "
                + "produce one. Run 'mvn deploy' (not a single goal), or check the packaging plugins of " + module + ". A "
                + "module that is not to be deployed to a Maven repository (an application whose only release is its image) "
                + "is left out of the publish with <maven.deploy.skip>true</maven.deploy.skip> in its <properties>.");
    }

    /**
     * A module runs Quarkus's build, but the build left no fast-jar: the compiled classes alone cannot start a Quarkus
     * service, and an older fast-jar would not be this commit's.
     */
    public static GantryException quarkusFastJarMissing(String module, Path directory) {
        return new GantryException("Module " + module + " runs Quarkus's build (quarkus-maven-plugin:build), but this build "
                + "left no fast-jar at " + directory.resolve("quarkus-run.jar") + ": Gantry builds a Quarkus service's "
                + "image from Quarkus's fast-jar, its default package type, since the compiled classes alone cannot start "
                + "it. Nothing was pushed. Let Quarkus package a fast-jar: remove quarkus.package.jar.type (uber-jar, "
                + "legacy-jar, mutable-jar), quarkus.native.enabled and quarkus.package.output-directory from the "
                + "configuration of " + module + " (application.properties or -D), and do not skip Quarkus's build.");
    }

    public static GantryException quarkusRunnerUnusable(Path runner, String reason) {
        return new GantryException("Cannot start the image from Quarkus's fast-jar: " + runner + " cannot be read as "
                + "Quarkus's runner (" + reason + "). Nothing was pushed. Rebuild with 'mvn clean deploy'; if it persists, "
                + "check the quarkus-maven-plugin's build goal.");
    }

    public static GantryException invalidKeepSnapshots(String value, String property) {
        return new GantryException(property + " is '" + value + "', but it must be a whole number of snapshot builds to keep, "
                + "0 or more (1, the default, keeps only the build just published; 0 deletes none). Fix <keepSnapshots> in "
                + "the plugin's configuration or -D" + property + ".");
    }

    /** The published copy, downloaded to a temporary file, could not be compared with the file to publish. */
    /** The release's files are in the repository, and its maven-metadata.xml could not be made to list the version. */
    public static GantryException releaseNotListed(String module, String version, String repositoryId, String url,
            String detail, Throwable cause) {
        return new GantryException("The files of " + module + " " + version + " are published in repository '"
                + repositoryId + "' (" + url + "), but its maven-metadata.xml, which lists the versions, could not be made "
                + "to list " + version + ": " + detail + ". Until it does, version ranges, RELEASE and update tools do not "
                + "see " + version + ". Re-run the pipeline once the repository answers (or its maven-metadata.xml is "
                + "repaired): the files are found in place, and only the listing is sent.", cause);
    }

    /** Every step of the release is done; writing what it did (release.json, release.env) failed. */
    public static GantryException releaseCompleteOutputsNot(GantryException failure) {
        if (failure.getMessage().startsWith("The release is complete")) {
            return failure;
        }
        return new GantryException("The release is complete, but writing its outputs failed: " + failure.getMessage()
                + " A re-run finds the release in place and writes them.", failure.getCause());
    }

    /** Not a refusal but a warning: a release whose artifacts stay on this machine, its tag pushed all the same. */
    /**
     * A release to a registry or repository others use, from a clone without the git remote the tag is pushed to: the
     * plan could not ask the remote whether the version is released elsewhere, and the tag would stay in this clone.
     */
    public static GantryException releaseWithoutRemote(String version, String tag, String remote) {
        return new GantryException("No git remote '" + remote + "' is configured in this clone, yet " + version
                + " would be released: Gantry could not ask the remote whether " + tag + " exists there already (a "
                + "release from another clone), and would create " + tag + " in this clone only, so the next pipeline "
                + "would not know " + version + " is released. Nothing was built or published. Add the remote (git "
                + "remote add " + remote + " <url>), or name the one this clone has with <gitRemote> or "
                + "-Dgantry.git.remote=<name>.");
    }

    public static String releaseToEmbeddedDefault(String version, String tag, String remote, String repository,
            boolean imageStaysToo) {
        return "The release " + version + " publishes its artifacts to the embedded default " + repository + " (the "
                + "project declares no distributionManagement), which only this machine sees"
                + (imageStaysToo ? ", and its image stays here too" : "") + ", yet its tag " + tag + " goes to the remote '"
                + remote + "': " + version + " will count as released. Declare distributionManagement (or pass "
                + "-DaltDeploymentRepository=<id>::<url>) to publish the artifacts; a service released as its image alone "
                + "sets maven.deploy.skip=true; or preview with -Dgantry.dryRun=true.";
    }

    public static GantryException cannotCompareWithPublished(String artifact, Exception cause) {
        return new GantryException("Cannot compare " + artifact + " with the published copy: " + cause.getMessage()
                + ". Check the space and permissions of the temporary directory (java.io.tmpdir); nothing was published.",
                cause);
    }

    /** A file to publish could not be read to compare its hash with CodeArtifact's copy. */
    public static GantryException cannotReadToCompare(String file, Exception cause) {
        return new GantryException("Cannot read " + file + " to compare it with CodeArtifact's copy: " + cause.getMessage()
                + ". Check that the build produced it and that it is readable; nothing was published.", cause);
    }

    public static GantryException stepMissing(String step, String how) {
        return new GantryException("Not tagging: the plan has " + step + ", but none was made in this build (" + how + "). "
                + "The release tag is written only once everything else is in place; declare the goal, or fix what skipped it, "
                + "and re-run.");
    }

    /**
     * @param otherCommit the commit the release is known to be made from (its image's revision), or null: a release left
     *                    untagged by a failed pipeline there is completed by that commit's re-run, not by a new version
     */
    public static VersionTaken artifactsDiffer(String repository, List<String> differences, String whyNotThisCommit,
            String otherCommit) {
        String rerun = otherCommit == null ? "" : " If " + otherCommit + "'s pipeline stopped before tagging it (a "
                + "failed tag push), re-run the pipeline on commit " + otherCommit + ": it finds the release in place "
                + "and completes it with its tag; a version is then bumped for this commit's changes.";
        return new VersionTaken(where -> "This release is already published in " + repository + " with different content: "
                + String.join("; ", differences) + ". That release is not known to be this commit's (" + whyNotThisCommit
                + "), and a release is immutable: bump the version " + where + ". If the bytes differ only by build time, make the "
                + "build reproducible with <project.build.outputTimestamp>." + rerun
                + (otherCommit != null ? "" : " If this commit's own pipeline published them and stopped before its tag "
                        + "(a failed tag push or upload), a re-run from a clean checkout (mvn clean deploy) completes it "
                        + "when the build is reproducible (files built over an earlier build's target/ may differ); a jar "
                        + "whose git.properties (git-commit-id-maven-plugin) names this commit is known to be this commit's.")
                + " Nothing was published.");
    }

    /**
     * Not a refusal but a warning, worded here with the rest: a re-run of this commit's release finds the published files
     * differing from today's build (git-commit-id's git.properties lists the release tag once it exists) and keeps them.
     */
    public static String publishedReleaseDiffers(String repository, List<String> differences, String whyThisCommit) {
        return "This commit's release is already published in " + repository + " (" + whyThisCommit + "), and this build "
                + "differs from it: " + String.join("; ", differences) + ". The published files are kept as they are: "
                + "none of them is sent again.";
    }

    /**
     * A warning: the files are published, but what the repository does after a publish (CodeArtifact's clean-up of earlier
     * snapshot builds) failed. The publish stands; the next publish tries again.
     */
    public static String afterPublishFailed(String module, String repository, String detail) {
        return module + " is published in " + repository + ", but what follows a publish there failed: " + detail
                + ". The published files are in place and the build goes on; the next publish tries again.";
    }

    /** "a", "a and b", "a, b and c". */
    static String inWords(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /**
     * Not a refusal: under Maven 4, the release found was published by Maven 3.9, whose {@code .pom} is the project's POM
     * as written, which this build has as its build POM ({@code dev.gantry.publish.ProjectPoms}).
     */
    public static String publishedAsMaven39(String module, String version, String repository, String pom,
            String buildPom) {
        return module + " " + version + " is published in " + repository + " as Maven 3.9 publishes it: its " + pom
                + " is the project's POM, which this build (Maven 4) has as " + buildPom + " beside its consumer POM. The "
                + "published " + pom + " is kept, and " + buildPom + " is left out: a published release gains no files.";
    }

    /** A published .pom that differs from this build's, without a build POM: the build POM is not added. */
    public static String publishedWithoutBuildPom(String module, String version, String repository, String pom,
            String buildPom) {
        return module + " " + version + " is published in " + repository + ": its " + pom + " differs from this "
                + "build's and it has no " + buildPom + ", as Maven 3.9 publishes a release (its POM then: changed since, or "
                + "a plugin's, such as maven-shade-plugin's dependency-reduced POM): "
                + buildPom + " is left out, as a published release gains no files; the " + pom + " is judged as any "
                + "file that differs.";
    }

    /**
     * A warning: a re-run's build made files that the release, published whole (CodeArtifact's {@code Published}), lacks,
     * and they are not added to it (the release is immutable): a tests jar added since, signatures of a release made
     * unsigned, Maven 4's build POM beside a {@code .pom} that is not the project's as written (a flattened one).
     */
    public static String leftOutOfPublishedRelease(String module, String version, String repository, List<String> files,
            boolean buildPom) {
        return module + " " + version + " is published whole in " + repository + " without " + String.join(", ", files)
                + ", which this build also made. A published release gains no files: "
                + (files.size() == 1 ? "it is" : "they are") + " left out, and the release stays as it was published."
                + (buildPom ? " (Maven 4 publishes the POM as written in the project beside the consumer POM, as "
                        + "<artifactId>-<version>-build.pom; a release made with Maven 3.9 has none.)" : "")
                + " To publish " + (files.size() == 1 ? "it" : "them") + ", release a new version.";
    }

    /** Not a refusal: a version a broken-off publish left unfinished is completed by sending the module whole again. */
    public static String unfinishedVersion(String module, String repository) {
        return module + " is in " + repository + " but unfinished (an earlier publish broke off before the end): its files "
                + "are sent again, identical ones included, so that the repository finishes the version.";
    }

    /**
     * A warning for a release whose jars carry the build's time: a re-run produces other bytes than the ones published,
     * which Gantry then has to judge as a difference.
     */
    /** @param springBootParent whether a module inherits spring-boot-starter-parent, which does not set the property */
    public static String jarsNotReproducible(List<String> modules, boolean springBootParent) {
        return "The release's jars are not reproducible: " + String.join(", ", modules)
                + (modules.size() == 1 ? " has" : " have") + " no project.build.outputTimestamp property, so each jar "
                + "entry carries the build's time and a re-run of this release will differ from the published files (and be "
                + "refused unless its tag, its image or a jar's git.properties names this commit). Set <project.build.outputTimestamp>2026-01-01T00:00:00Z"
                + "</project.build.outputTimestamp> in the <properties> of the top-level POM (any fixed date"
                + (springBootParent ? "; spring-boot-starter-parent does not set it" : "") + "), so that the same commit "
                + "builds the same bytes.";
    }

    // --- container images ----------------------------------------------------------------------------

    public static VersionTaken imageTagTaken(String repository, String tag, String existingDigest, String existingCommit,
            String newDigest, String commit) {
        return new VersionTaken(where -> repository + ":" + tag + " is already released as " + existingDigest + " (built from "
                + (existingCommit == null ? "an unknown commit: the image has no org.opencontainers.image.revision label"
                        : "commit " + ReleaseContext.shorten(existingCommit))
                + "); this build (commit " + ReleaseContext.shorten(commit) + ") would produce "
                + (newDigest == null ? "another image (a multi-platform image is compared by the commit it is built from, "
                        + "its org.opencontainers.image.revision label)" : newDigest) + "; bump the version " + where + ". "
                + "An immutable image tag never moves: nothing was pushed and no mutable tag (such as latest) was moved.");
    }

    /**
     * Not a refusal: an immutable tag holds an image of this very commit (its {@code org.opencontainers.image.revision}
     * label), so the release is this one, already pushed, and is completed as it was published. Logged as a warning
     * when a rebuild would differ ({@code differences}, each as worded by {@link #baseImageMoved} or
     * {@link #labelDiffers}), at info level otherwise.
     */
    public static GantryException imageOfAnotherModule(String repository, String tag, String digest, String theirs,
            String ours) {
        return new GantryException(repository + ":" + tag + " holds this commit's image of module " + theirs + " ("
                + digest + "), and this build's image is of module " + ours + ": one image repository holds one "
                + "module's images, and the same commit cannot have two under the same tags. Give each module its own "
                + "repository (<imageRepository> or -Dgantry.image.repository=…), or build the image from " + theirs
                + " again (<imageModule>, -Dgantry.image.module). Nothing was pushed.");
    }

    /** @param snapshot a snapshot's image (its sha- tag taken): pushed by an earlier build of the commit, not released */
    public static String releasedFromThisCommit(String repository, String tag, String digest, String commit,
            List<String> differences, boolean snapshot) {
        String done = repository + ":" + tag + " is already " + (snapshot ? "pushed" : "released") + " from this commit ("
                + ReleaseContext.shorten(commit) + ") as " + digest + ": "
                + (snapshot ? "this build completes it" : "the release is completed as it was published")
                + ", nothing is rebuilt or uploaded";
        if (differences.isEmpty()) {
            return done + ".";
        }
        return done + ", although a rebuild would differ: " + String.join("; ", differences) + ". "
                + (snapshot ? "An image is its commit's: the pushed image is kept. To ship a rebuild, push a new commit."
                        : "A release is its commit, not its bytes: the published image is kept. To ship a rebuild, "
                                + "release a new version.");
    }

    public static String baseImageMoved(String name, String releasedDigest, String currentDigest) {
        return "the base image " + name + " is now " + currentDigest + ", the release was built on " + releasedDigest;
    }

    public static String labelDiffers(String label, String released, String rebuilt) {
        return "the label " + label + " would be " + (rebuilt == null ? "absent" : rebuilt) + ", the release has "
                + (released == null ? "none" : released);
    }

    public static GantryException baseImageNotFound(String from) {
        return new GantryException("The base image " + from + " does not exist in its registry. Fix <from> in the "
                + "gantry-maven-plugin configuration or -Dgantry.image.from=<image> (scratch for none).");
    }

    /** @param detail the registry call's own failure, whose advice names {@code <from>} where that is what to check */
    public static GantryException baseImageUnreadable(String from, String detail) {
        return new GantryException("Cannot look up the base image " + from + " (its digest is recorded in the image and in "
                + "release.json): " + detail);
    }

    /**
     * Not a refusal but a warning, worded here with the rest: the embedded default writes one platform of several,
     * because an OCI tar written by Jib holds a single image.
     */
    public static String ociTarOnePlatform(String tar, String written, List<String> left) {
        return "An OCI tar holds one platform: " + tar + " holds " + written + " only, not " + String.join(", ", left)
                + ". Push to a registry (<imageRepository> or -Dgantry.image.repository) for the multi-platform image.";
    }

    public static GantryException registryUnauthorized(String image, String registry, String credentialSource) {
        if (credentialSource == null) {
            return new GantryException("The registry " + registry + " refused access to " + image + " (HTTP 401 Unauthorized) "
                    + "and no credentials were found for it. Add a <server> with <id>" + registry + "</id>, <username> and "
                    + "<password> to settings.xml, run docker login " + registry + ", or name a Docker credential helper with "
                    + "<credentialHelper> in the gantry-maven-plugin configuration or -Dgantry.image.credentialHelper=<name>.");
        }
        return new GantryException("The registry " + registry + " rejected the credentials from " + credentialSource + " for "
                + image + " (HTTP 401 Unauthorized). Check the user name and password (or token) there; they may be wrong "
                + "or expired.");
    }

    public static GantryException registryForbidden(String image, String registry, String credentialSource) {
        return registryForbidden(image, registry, credentialSource, RepositorySetting.IMAGE_REPOSITORY);
    }

    public static GantryException registryForbidden(String image, String registry, String credentialSource,
            RepositorySetting setting) {
        return new GantryException("The registry " + registry + " forbids this access to " + image + " (HTTP 403 Forbidden)"
                + (credentialSource == null ? "" : " with the credentials from " + credentialSource) + ": they lack pull or "
                + "push permission on this repository. Grant it, or " + setting.elsewhere() + ".");
    }

    /** The registry answered, and refused or said something Gantry cannot use: its answer is the detail. */
    public static GantryException registryFailed(String image, String detail) {
        return registryFailed(image, detail, RepositorySetting.IMAGE_REPOSITORY);
    }

    /** As {@link #registryFailed(String, String)}, the advice naming the setting that names this repository. */
    public static GantryException registryFailed(String image, String detail, RepositorySetting setting) {
        return new GantryException("Cannot talk to the registry of " + image + ": " + detail + ". "
                + registryAdvice(image, setting, RegistryFailure.ANSWER, false));
    }

    /**
     * A registry call that failed for {@code kind}, keeping its cause; the advice fits the failure
     * ({@link #registryAdvice}).
     *
     * @param insecureAllowed whether {@code allowInsecureRegistries} is already set
     */
    public static GantryException registryFailed(String image, String detail, RegistryFailure kind, boolean insecureAllowed,
            Throwable cause) {
        return registryFailed(image, RepositorySetting.IMAGE_REPOSITORY, detail, kind, insecureAllowed, cause);
    }

    /** As above, the advice naming the setting that names this repository. */
    public static GantryException registryFailed(String image, RepositorySetting setting, String detail,
            RegistryFailure kind, boolean insecureAllowed, Throwable cause) {
        return new GantryException("Cannot talk to the registry of " + image + ": " + detail + ". "
                + registryAdvice(image, setting, kind, insecureAllowed), cause);
    }

    /**
     * What to do after a registry call failed: {@code allowInsecureRegistries} is suggested only where it can help, a
     * TLS or plain-HTTP failure against a registry that could be insecure (not ECR nor a public registry, which always
     * serve verified HTTPS) with the setting still off.
     */
    static String registryAdvice(String image, RegistryFailure kind, boolean insecureAllowed) {
        return registryAdvice(image, RepositorySetting.IMAGE_REPOSITORY, kind, insecureAllowed);
    }

    static String registryAdvice(String image, RepositorySetting setting, RegistryFailure kind, boolean insecureAllowed) {
        boolean hint = !insecureAllowed && couldBeInsecure(image);
        return switch (kind) {
            case TLS -> hint
                    ? "The registry's certificate could not be verified: for a registry with a self-signed certificate on a "
                            + "network you trust, set <allowInsecureRegistries>true</allowInsecureRegistries> or pass "
                            + "-Dgantry.image.allowInsecureRegistries=true; otherwise add its CA to the JDK's trust store."
                    : "The TLS handshake with the registry failed: check that the JDK trusts its certificate (a proxy that "
                            + "intercepts TLS needs its CA in the JDK's trust store) and that the system clock is right.";
            case PLAIN_HTTP -> hint
                    ? "The registry serves plain HTTP: on a network you trust, set <allowInsecureRegistries>true"
                            + "</allowInsecureRegistries> or pass -Dgantry.image.allowInsecureRegistries=true."
                    : "Check the host and port of " + setting.described() + ": this registry should offer verified HTTPS.";
            case UNREACHABLE -> "Check the host and port of " + setting.described()
                    + " and that the registry is reachable from this machine.";
            case PROXY -> "Check the <proxy> of settings.xml (or the JVM's proxy settings) and that the proxy runs.";
            case ANSWER -> "Check " + setting.described() + " and the registry's answer above.";
        };
    }

    /** Registries that only serve verified HTTPS: ECR and the public ones; any other could be a plain or self-signed one. */
    private static boolean couldBeInsecure(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean named = first.contains(".") || first.contains(":") || first.equals("localhost");
        String host = (named ? first : "docker.io").replaceFirst(":\\d+$", "").toLowerCase(java.util.Locale.ROOT);
        return !(host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.equals("docker.io")
                || host.endsWith(".docker.io") || host.equals("ghcr.io") || host.equals("gcr.io") || host.endsWith(".gcr.io")
                || host.endsWith(".pkg.dev") || host.equals("quay.io") || host.endsWith(".azurecr.io")
                || host.equals("public.ecr.aws"));
    }

    /**
     * A registry that answered a transient error (HTTP 429 or 5xx, a broken connection) to every attempt of a call: not
     * a configuration problem, so no hint about the repository or insecure registries.
     */
    public static GantryException registryKeptFailing(String image, String call, int attempts, Duration pauses) {
        return keptFailing(image, call, attempts, pauses, "");
    }

    /** As {@link #registryKeptFailing}, its last attempts through Gantry's relay, which sent each request again. */
    public static GantryException registryKeptFailingThroughRelay(String image, String call, int attempts,
            Duration pauses, int requestAttempts) {
        return keptFailing(image, call, attempts, pauses,
                " After the first, each failed request was sent up to " + requestAttempts + " times.");
    }

    /**
     * A registry call that failed at the HTTP proxy the JVM sends it through: unreachable, or refusing the tunnel or
     * the request (407, or 401 from some proxies). The proxy's fault, not the registry's, and not worth retrying.
     *
     * @param proxy  {@code host:port}, and where it is set ({@code settings.xml's <proxy> company-proxy})
     * @param answer what the call met ({@code Connection refused}, {@code Unable to tunnel through proxy. Proxy returns
     *               "HTTP/1.1 407 Proxy Authentication Required"})
     */
    public static GantryException proxyFailed(String image, String proxy, String request, String answer,
            ProxyProblem problem, Throwable cause) {
        String what = switch (problem) {
            case CREDENTIALS -> "The proxy " + proxy + " refused " + request + " for " + image + ": " + answer + ". A "
                    + "proxy that wants credentials answers 407 (some 401): check the <username> and <password> of that "
                    + "<proxy> in settings.xml (its password decrypted, with -Dsettings.security where it is encrypted).";
            case FORBIDDEN -> "The proxy " + proxy + " refused " + request + " for " + image + ": " + answer + ". It does "
                    + "not let this build reach that host or port (a proxy often allows HTTPS on port 443 only): ask for "
                    + "it to be allowed, or list the registry in that <proxy>'s <nonProxyHosts> if it is reached "
                    + "directly.";
            case UNREACHABLE -> "Cannot connect to the proxy " + proxy + " for " + request + " (" + image + "): "
                    + answer + ". Check that the proxy runs and the <host> and <port> of that <proxy> in settings.xml "
                    + "(or the JVM's http.proxyHost/https.proxyHost and their ports), or its <nonProxyHosts> if this "
                    + "registry is reached directly.";
        };
        return new GantryException(what + " This request did not reach the registry.", cause);
    }

    /**
     * A registry that kept answering 429 Too Many Requests: a limit on its clients' requests, which a re-run at once
     * meets again. Docker Hub's on pulls is the one CI meets most (the default base images are there).
     *
     * @param call      what was asked, naming the image or the URL
     * @param dockerHub whether the registry is Docker Hub
     */
    public static GantryException registryRateLimited(String call, int attempts, boolean dockerHub) {
        String limit = "The registry kept answering HTTP 429 Too Many Requests (" + call + "; tried " + attempts
                + " times): it limits how many requests a client may make, and a re-run at once meets the same limit. ";
        if (dockerHub) {
            return new GantryException(limit + "Docker Hub limits the image pulls of clients that do not log in, "
                    + "counted per IP address (CI runners behind one NAT, or AWS CodeBuild's shared addresses, share it); "
                    + "a logged-in account gets more. Log in: a <server> in settings.xml with <id>docker.io</id>, your Docker "
                    + "Hub user and an access token as password. Or build on a copy of the base image in your own registry, "
                    + "such as an ECR pull-through cache rule for Docker Hub: <from>ACCOUNT.dkr.ecr.REGION.amazonaws.com/"
                    + "docker-hub/library/eclipse-temurin:21-jre</from> (or -Dgantry.image.from=…).");
        }
        return new GantryException(limit + "Re-run the pipeline when the registry's limit allows it, or ask its owner for "
                + "a higher one; what was already pushed is kept and not uploaded again.");
    }

    private static GantryException keptFailing(String image, String call, int attempts, Duration pauses, String more) {
        return new GantryException("The registry of " + image + " kept failing: " + call + "; tried " + attempts
                + " times, pausing " + pauses.toMillis() + " ms and more between attempts." + more + " The registry is "
                + "busy or failing: re-run the pipeline later (what was already pushed is kept and not uploaded again), "
                + "or check the registry's status.");
    }

    /** A moving tag left on a newer commit's image: another pipeline of a later commit got there first. */
    public static String movingTagKeptOnHigherRelease(String image, String tag, Version theirs, Version ours) {
        return "The tag " + tag + " of " + image + " stays on the image of " + theirs + ", a higher release than this one ("
                + ours + "): a maintenance release does not take a moving tag back to a lower version.";
    }

    public static String movingTagKeptOnNewerCommit(String image, String tag, Instant theirs, Instant ours) {
        return "The tag " + tag + " of " + image + " stays on the image of a newer commit (committed " + theirs
                + "; this build's commit: " + ours + "): another pipeline of a later commit moved it first. Nothing to do: "
                + "a moving tag never goes back to an older commit.";
    }

    /**
     * A snapshot's artifacts published by an older commit's build than the image its moving tags stay on: Maven's
     * snapshot cannot be kept back as a tag is (every deploy becomes the newest), so the user is told how to restore it.
     */
    public static String snapshotPublishedBehindMovingTags(String version, String image, List<String> tags) {
        return "The artifacts of " + version + " this build published are now the snapshot Maven resolves, though "
                + image + "'s " + String.join(", ", tags) + " stay on a newer commit's image: that commit's pipeline "
                + "finished first (or this is a re-run of an older commit). Re-run the newer commit's pipeline to make its "
                + "snapshot the one resolved again.";
    }

    /**
     * A snapshot's artifacts not published: the image tag named after the version holds a newer commit's image, whose
     * build published that version's artifacts before it moved the tag (a re-run of an older commit, or two pipelines
     * finishing out of order). Publishing would make Maven resolve the older commit's code.
     */
    public static String newerSnapshotPublished(String version, String image, Instant theirs, Instant ours) {
        return "Not publishing the artifacts of " + version + ": " + image + ":" + version + " already holds the image of "
                + "a newer commit (committed " + theirs + "; this build's commit: " + ours + "), whose build published "
                + "its " + version + " artifacts before it moved that tag. Publishing this older commit's now would make "
                + "Maven resolve older code. Nothing to do: the newer commit's snapshot stays the one resolved, and this "
                + "commit's image keeps its own tags.";
    }

    public static GantryException workingDirectoryNotAbsolute(String workingDirectory) {
        return new GantryException("The image's <workingDirectory> '" + workingDirectory + "' is not an absolute path: "
                + "the container starts in a directory of its own file system, named from its root. Set an absolute path "
                + "(<workingDirectory>/app/resources</workingDirectory>, or -Dgantry.image.workingDirectory=/app/resources), "
                + "or leave it unset for the base image's. Nothing was pushed.");
    }

    /** A Dropwizard application started with no arguments prints its usage and exits: the image would not serve. */
    public static String applicationNeedsACommand(String mainClass, String framework) {
        return "The main class " + mainClass + " is a " + framework + " application, which serves only when its command "
                + "line names a command and a configuration file (server config.yml); the image gives it no arguments, "
                + "so it prints its usage and exits unless the deployment passes them. Set <args><arg>server</arg><arg>"
                + "/app/resources/config.yml</arg></args> in the gantry-maven-plugin's <configuration> (a configuration file "
                + "in src/main/resources is in the image under /app/resources), or pass the arguments where the image is "
                + "deployed.";
    }

    /**
     * A snapshot of a version already released (develop left at 1.2.0-SNAPSHOT after 1.2.0 went out from main): Maven
     * sorts it below the release, so what it publishes reads as older than the release it follows.
     */
    public static String snapshotOfReleasedVersion(String snapshot, String repository) {
        String release = snapshot.substring(0, snapshot.length() - "-SNAPSHOT".length());
        return release + " is already released (" + repository + ":" + release + " exists), yet this build pushes and "
                + "publishes " + snapshot + ", which Maven sorts below " + release + ": this commit's code would go out "
                + "under a version older than the release it follows. After a release, move this branch to the next "
                + "version, for example mvn versions:set -DnewVersion=" + nextPatch(release) + "-SNAPSHOT, and push.";
    }

    /** The version with its last number one up: 1.2.0 → 1.2.1. */
    private static String nextPatch(String version) {
        String[] parts = version.split("\\.");
        try {
            parts[parts.length - 1] = String.valueOf(Integer.parseInt(parts[parts.length - 1]) + 1);
            return String.join(".", parts);
        } catch (NumberFormatException e) {
            return version + ".1";
        }
    }

    /** A moving tag taken back to an older commit's image because that commit is its branch's tip: a reset branch. */
    public static String movingTagTakenBackToBranchTip(String image, String tag, Instant theirs) {
        return "The tag " + tag + " of " + image + " holds the image of a later commit (committed " + theirs + "), yet "
                + "this build's commit is its branch's tip on the remote (the branch was reset to it): the tag moves "
                + "back to this image.";
    }

    public static String noJavaOnScratch() {
        return "The base image is scratch, which holds no Java runtime: the image starts java, and cannot start unless "
                + "one of its own files provides it. For a service, leave <from> (-Dgantry.image.from) unset, and the image "
                + "runs on the Temurin JRE of the project's Java release, or name a Java runtime image such as "
                + "eclipse-temurin:21-jre.";
    }

    /** A registry that did not answer a call within the HTTP time-out. */
    public static GantryException registryTimedOut(String image, String call, Duration timeout) {
        return new GantryException("The registry of " + image + " did not answer " + call + " within " + timeout.toMillis()
                + " ms. Check that the registry is reachable and not overloaded, then re-run the pipeline; on a slow link "
                + "raise the time-out with -Djib.httpTimeout=<milliseconds> (Gantry's own registry calls use it too).");
    }

    public static GantryException imageBuildFailed(String image, String detail) {
        return new GantryException("Building the image " + image + " failed: " + detail + ".");
    }

    public static GantryException invalidImageReference(String text, String element, String property) {
        int slash = text.indexOf('/');
        // a registry host is case-insensitive, a repository's path is not: registries take lowercase names only
        String path = slash < 0 ? text : text.substring(slash + 1);
        String capitals = !path.equals(path.toLowerCase(Locale.ROOT)) && !path.contains(" ")
                ? " Its path has capitals, and registries take lowercase repository names only: "
                        + (slash < 0 ? "" : text.substring(0, slash + 1)) + path.toLowerCase(Locale.ROOT) + ", say."
                : "";
        return new GantryException("'" + text + "' is not a valid image reference: expected [registry/]name[:tag], such as "
                + "registry.example.com/team/orders." + capitals + " Fix " + element + " in the gantry-maven-plugin "
                + "configuration (which wins over -D" + property + "), or pass -D" + property + "=<image> where the POM "
                + "does not set it.");
    }

    /**
     * No main class: none configured, and jib-core's finder found no class with a {@code main} method.
     *
     * @param ignored main class settings that were ignored because an expression in them is unresolved, each as
     *                "{@code <value>} (<where it was set>)"
     * @param module  the module the image is built from, {@code groupId:artifactId}, or null
     */
    /**
     * Main class settings left aside because an expression in them is unresolved (Spring Boot's parent names
     * {@code ${start-class}} in the jar plugin's manifest whether or not it is set), said apart from the class chosen.
     */
    public static String passedOver(List<String> ignored) {
        return " Passed over, " + (ignored.size() == 1 ? "its expression" : "their expressions") + " unresolved: "
                + String.join(", ", ignored) + ".";
    }

    public static GantryException noMainClass(String classesDirectory, List<String> ignored, String module) {
        return new GantryException("No main class found in " + classesDirectory + ": the image needs one to start."
                + (ignored.isEmpty() ? "" : passedOver(ignored))
                + " Set " + SET_MAIN_CLASS + ", or the start-class property (Spring Boot's convention), or "
                + "<archive><manifest><mainClass> in the maven-jar-plugin configuration, or the exec.mainClass property "
                + "(exec-maven-plugin's and Micronaut's convention)." + ifALibrary(module));
    }

    /**
     * The other way out of the refusals that find no main class, or several: a library that inherits a parent's image
     * settings (a platform parent's {@code <imageRepository>}) is asked for an image, yet starts nothing, and a main
     * class is the wrong fix for it.
     *
     * @param module {@code groupId:artifactId}, or null
     */
    private static String ifALibrary(String module) {
        return " If " + (module == null ? "this module" : "module " + module) + " is a library, not a service, it needs "
                + "no image: set <gantry.image.skip>true</gantry.image.skip> in the <properties> of its POM (a parent "
                + "POM's image settings, such as its <imageRepository>, reach libraries that inherit them too). If no "
                + "module of the reactor is a service, set it in the <properties> of the top-level POM instead, which "
                + "every module inherits: the next module would be asked for the image otherwise.";
    }

    /** A warning: the shaded jar's manifest says more than its Main-Class, and the image, built from classes, lacks it. */
    public static String shadeManifestEntriesNotInImage(String module, List<String> entries) {
        return "maven-shade-plugin writes " + String.join(", ", entries) + " into the manifest of " + module + "'s shaded "
                + "jar, which the image does not hold: it is built from the classes and dependency jars, as "
                + "jib-maven-plugin builds it, not from the shaded jar. A launcher that reads "
                + (entries.size() == 1 ? "that entry" : "those entries") + " from the manifest (vert.x's Launcher reads "
                + "Main-Verticle) will not find " + (entries.size() == 1 ? "it" : "them") + " in the container: give "
                + "the image what it needs as <args> (io.vertx.core.Launcher: <args><arg>run</arg><arg>your.Verticle"
                + "</arg></args>) or <jvmFlags> (Add-Opens: --add-opens …).";
    }

    public static GantryException appRootWithWhitespace(String appRoot) {
        return new GantryException("The image's <appRoot> '" + appRoot + "' holds whitespace: the classpath file the "
                + "entrypoint reads (java -cp @" + appRoot + "/jib-classpath-file) is split on whitespace by the java "
                + "launcher, so the container could not start. Nothing was pushed. Set <appRoot> (-Dgantry.image.appRoot) "
                + "to a path without spaces, such as the default /app.");
    }

    public static GantryException mainClassNotInImage(String mainClass, String source, String classesDirectory, int jars) {
        return new GantryException("Main class " + mainClass + " (from " + source + ") is not in the image: neither "
                + classesDirectory + " nor any of the " + jars + " dependency jars holds " + mainClass.replace('.', '/')
                + ".class, so the container could not start. Nothing was pushed. Set the class that starts the service with "
                + SET_MAIN_CLASS + ".");
    }

    public static GantryException mainClassNamedOtherwise(String mainClass, String source, String location, String actual) {
        return new GantryException("Main class " + mainClass + " (from " + source + ") is " + actual + " in " + location
                + ": the names differ in case, which this file system ignores and the container's does not, so the "
                + "container could not start. Nothing was pushed. Set the class's name as it is written: " + actual + ".");
    }

    public static GantryException noMainMethod(String mainClass, String source, String location) {
        return new GantryException("Main class " + mainClass + " (from " + source + ", found in " + location + ") has no "
                + "public static void main(String[]) method, so the container could not start. Nothing was pushed. Set the "
                + "class that starts the service with " + SET_MAIN_CLASS + ".");
    }

    public static GantryException unreadableClass(String mainClass, String location, String detail) {
        return new GantryException("Cannot read main class " + mainClass + " in " + location + ": " + detail + ". Rebuild the "
                + "project (mvn clean deploy), or set another class with " + SET_MAIN_CLASS + ".");
    }

    private static final String SET_MAIN_CLASS = "<mainClass> in the gantry-maven-plugin configuration "
            + "(or -Dgantry.image.mainClass=com.example.Main)";

    public static GantryException invalidExclude(String text) {
        return new GantryException("Invalid exclude '" + text + "': expected groupId:artifactId, such as "
                + "org.projectlombok:lombok. Fix <excludes><exclude> in the gantry-maven-plugin configuration.");
    }

    public static GantryException repackagedDependency(String artifact, String file) {
        return new GantryException("Dependency " + artifact + " is a Spring Boot executable jar (" + file + ", repackaged by "
                + "spring-boot-maven-plugin): its classes are under BOOT-INF/, where no classpath finds them. Give that "
                + "module's repackage execution a classifier (<classifier>exec</classifier> in its spring-boot-maven-plugin "
                + "configuration) or skip it there (<skip>true</skip>), so that the module's jar stays a plain library.");
    }

    /** @param module the module the image is built from, {@code groupId:artifactId}, or null */
    public static GantryException multipleMainClasses(List<String> found, String module) {
        return new GantryException("Several main classes found: " + String.join(", ", found) + ". Choose one with <mainClass> "
                + "in the gantry-maven-plugin configuration or -Dgantry.image.mainClass=" + found.get(0) + "."
                + ifALibrary(module));
    }

    public static GantryException invalidPort(String text) {
        return new GantryException("Invalid port '" + text + "': expected a number, number/tcp, number/udp or a range such as "
                + "7000-7002. Fix <ports><port> in the gantry-maven-plugin configuration.");
    }

    public static GantryException invalidPlatform(String text) {
        return new GantryException("Invalid platform '" + text + "': expected os/architecture, such as linux/amd64 or "
                + "linux/arm64. Fix <platforms><platform> in the gantry-maven-plugin configuration.");
    }

    public static GantryException credentialsUnreadable(String registry, String source, String detail) {
        return new GantryException("Cannot read the credentials for " + registry + " from " + source + ": " + detail
                + ". Fix that credential helper or Docker config, or put a <server> with <id>" + registry
                + "</id> in settings.xml.");
    }

    public static GantryException imageOutputFailed(String path, String detail) {
        return new GantryException("Cannot write " + path + ": " + detail + ". Check that the build directory is writable.");
    }

    /** @param why what the repository's kind says of this failure, or null for the generic hint about credentials */
    public static GantryException deployFailed(String id, String url, String detail, int attempts, String why,
            Throwable cause) {
        return new GantryException("Publishing to repository '" + id + "' (" + url + ") failed"
                + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + detail
                + ". " + (why == null ? credentialsHint(detail, id) : why + " ")
                + "Re-run the pipeline once it is fixed: what was published is kept.", cause);
    }

    /** A publish attempt failed, then the check of what it left in place before the next attempt failed too. */
    public static GantryException deployRetryCheckFailed(String id, String url, String detail, int attempt,
            GantryException check) {
        String checkSaid = check.getMessage().replaceAll("[.;] [Nn]othing was published\\.$", ".");
        return new GantryException("Publishing to repository '" + id + "' (" + url + ") failed (attempt " + attempt
                + "): " + detail + ". Before sending the rest again, Gantry checked which files had arrived, and that "
                + "failed too: " + checkSaid + " Files of the failed attempt may be in the repository. Re-run the "
                + "pipeline once it is fixed: the re-run checks what is in place and sends the rest.", check.getCause());
    }

    /** @param why what the repository's kind says of this failure, or null for the generic hint about credentials */
    public static GantryException repositoryUnreadable(String id, String url, String detail, String why, Throwable cause) {
        return new GantryException("Cannot check whether the release is already in repository '" + id + "' (" + url + "): "
                + detail + ". " + (why == null ? credentialsHint(detail, id) : why + " ") + "Nothing was published.", cause);
    }

    /**
     * A warning with the plan, before anything is built: the repository URL names an AWS CodeArtifact host in a form
     * Gantry does not recognise (its caller, {@code dev.gantry.maven.ArtifactRepositories}, knows), so it gets the
     * generic Maven repository and no token.
     */
    public static String unrecognisedCodeArtifactUrl(String url) {
        // the forms dev.gantry.aws.CodeArtifactUrl accepts, as AWS prints them
        return "The repository URL " + url + " names an AWS CodeArtifact host, but not in a form Gantry recognises as "
                + "CodeArtifact's: https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/ as "
                + "aws codeartifact get-repository-endpoint --format maven prints it, its dual-stack twin "
                + "https://<domain>-<owner>.codeartifact.<region>.on.aws/maven/<repository>/ (--endpoint-type dualstack), "
                + "or a VPC endpoint's https://vpce-<id>.d.codeartifact.<region>.vpce.amazonaws.com/maven/d/"
                + "<domain>-<owner>/<repository>/. It is published to as a plain Maven repository, with the "
                + "credentials of the settings.xml <server> of its id, and Gantry fetches no CodeArtifact token for it: "
                + "without such a <server>, CodeArtifact answers 401. Put the URL get-repository-endpoint prints in "
                + "<distributionManagement> (Gantry's docs/codeartifact.md).";
    }

    /**
     * What a 401 means from a repository whose URL names an AWS CodeArtifact host in a form Gantry does not recognise
     * (the caller says so: only the choice of the repository's kind knows it): no CodeArtifact token was fetched, which no
     * settings.xml password fixes. Null for any other failure, which gets the generic advice.
     */
    public static String unrecognisedCodeArtifactUnauthorized(String detail) {
        if (!unauthorized(detail)) {
            return null;
        }
        return "The URL names an AWS CodeArtifact host, but not in a form Gantry recognises, so it fetched no "
                + "CodeArtifact token for it: use the URL that aws codeartifact get-repository-endpoint --format "
                + "maven prints, https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/ "
                + "(or its dual-stack or VPC endpoint form: Gantry's docs/codeartifact.md).";
    }

    private static boolean unauthorized(String detail) {
        return detail != null && (detail.contains("401") || detail.contains("Unauthorized"));
    }

    private static String credentialsHint(String detail, String id) {
        String d = detail == null ? "" : detail;
        if (unauthorized(d)) {
            return "The repository asked for credentials: add a <server> with <id>" + id + "</id> and its username and password "
                    + "to settings.xml. ";
        }
        if (d.contains("403") || d.contains("Forbidden")) {
            return "The credentials of <server> '" + id + "' in settings.xml were refused permission to publish there. ";
        }
        return "";
    }

    /** @param where where the module was named: {@code <imageModule>}, or {@code -Dgantry.image.module=…} */
    public static GantryException imageModuleNotFound(String module, String where, List<String> modules) {
        return new GantryException("No module '" + module + "' in this reactor to build the image from (" + where + "); "
                + "the modules an image can be built from (packaging jar or quarkus) are " + modules + ". Set "
                + "<imageModule> or -Dgantry.image.module to one of them (its "
                + "artifactId, or groupId:artifactId).");
    }

    /** Said instead of {@link #otherServicesWithoutImage} when the image's module was chosen: no news, one line. */
    public static String otherServicesNotBuiltHere(List<String> others) {
        return "Not built into images in this build: the other services of this reactor (" + String.join(", ", others)
                + ").";
    }

    /** @param ownRepositories "customers-service (registry/customers)": services that name an image repository themselves */
    public static String otherServicesWithoutImage(String imageModule, List<String> others, List<String> ownRepositories) {
        return "Other modules of this reactor are services of their own (" + String.join(", ", others) + ": Spring Boot's "
                + "plugin or Quarkus's packaging), and Gantry builds one image per reactor, from " + imageModule + ": "
                + "theirs is not built, their jars are published"
                + (ownRepositories.isEmpty() ? "" : "; no image goes to the image repository that "
                        + String.join(", ", ownRepositories) + (ownRepositories.size() == 1 ? " names" : " name")
                        + " in its own POM")
                + ". To ship each as an image, give each service a "
                + "repository (a reactor) of its own, or run one mvn deploy per service, one after another, each with "
                + "-Dgantry.image.module=<module> and -Dgantry.image.repository=<its image repository> (a POM that sets "
                + "<imageModule> must set it to ${gantry.image.module}, and one that sets <imageRepository> to "
                + "${gantry.image.repository}, for -D to choose); on a branch with an environment tag, the first of those "
                + "deploys moves it before the others' images exist.";
    }

    /**
     * A warning: an image setting given with {@code -D} that the plan does not use, because a POM sets the parameter in
     * the plugin's configuration, which Maven gives a parameter before its property, without a word.
     *
     * @param parameter the parameter, {@code imageRepository}
     * @param property  its property, {@code gantry.image.repository}
     * @param given     the value given with {@code -D}
     * @param used      the value the plan uses
     * @param module    the module whose gantry-maven-plugin configuration sets it
     * @param pom       the POM that sets it, {@code groupId:artifactId:version}, or null when Maven's model does not say
     */
    public static String commandLineOutranked(String parameter, String property, String given, String used, String module,
            String pom) {
        return "-D" + property + "=" + given + " is not used: the plan's <" + parameter + "> is " + used + ", "
                + setInPom(module, pom) + ", and Maven gives a plugin parameter set in a POM precedence over its -D "
                + "property, silently. " + letCommandLineChoose(parameter, property) + ".";
    }

    /**
     * {@code -Dgantry.image.module} naming another module than a POM's {@code <imageModule>}, which Maven would use: the
     * build would ship another service's image than the one asked for (a loop of one deploy per service would ship the
     * same one every time), so it is refused, where an outranked image repository is only warned of.
     */
    public static GantryException imageModuleOutranked(String given, String used, String module, String pom) {
        return new GantryException("-Dgantry.image.module=" + given + " asks for the image of module " + given + ", and "
                + "the plan's <imageModule> is " + used + ", " + setInPom(module, pom) + ", which Maven gives precedence "
                + "over the -D property, silently: this build would ship " + used + "'s image where " + given + "'s was "
                + "asked for. Nothing was built. " + letCommandLineChoose("imageModule", "gantry.image.module")
                + "; or leave -Dgantry.image.module out.");
    }

    private static String setInPom(String module, String pom) {
        return "set in the gantry-maven-plugin configuration of module " + module + " ("
                + (pom == null ? "in its POM or a parent POM it inherits from" : "in the POM " + pom) + ")";
    }

    private static String letCommandLineChoose(String parameter, String property) {
        return "For -D to choose, set <" + parameter + ">${" + property + "}</" + parameter + "> there, and give <"
                + property + "> its present value in the <properties> of the same POM, as the default";
    }

    /**
     * An image repository is configured, the plan releases, and no module can be built into an image: the release would
     * go out without the image the POM names.
     *
     * @param modules the modules that would build it, each with its packaging: {@code petclinic (packaging war)}
     */
    public static GantryException noModulePackagedForImage(String repository, List<String> modules) {
        return new GantryException("Gantry is configured to push this build's image to " + repository + ", but no "
                + "module of this build can be built into an image: " + String.join(", ", modules) + ". An image is "
                + "built from a module packaged jar (or quarkus), from its classes and runtime dependencies, run with "
                + "java -cp; without one the release would go out without its image. Nothing was built or published. "
                + "For a Spring Boot service, package it as a jar (remove <packaging>war</packaging>: Spring Boot's "
                + "executable jar runs the same application on its embedded server); for a module deployed to an "
                + "application server, or a library, set <gantry.image.skip>true</gantry.image.skip> in its <properties>."
                + (modules.stream().anyMatch(m -> m.contains(" on the command line)")) ? " A packaging given on the command "
                        + "line (Micronaut's mvn package -Dpackaging=docker, which builds an image with a Docker daemon) is "
                        + "not needed: leave it out, and Gantry builds the image from the jar." : ""));
    }

    public static GantryException imageModuleNotPackagedForImage(String module, String packaging, String where,
            List<String> candidates) {
        return new GantryException("Module '" + module + "' (packaging " + packaging + ") cannot be built into an image "
                + "(" + where + "): an image is built from a module with packaging jar (or quarkus), from its "
                + "classes and dependencies; " + (candidates.isEmpty() ? "this reactor has none"
                        : "this reactor's are " + candidates) + ". Set <imageModule> or -Dgantry.image.module to the "
                + "application's module.");
    }

    public static GantryException credentialsNotSentOverHttp(String image, String registry, String credentialSource) {
        return new GantryException("The registry " + registry + " refused access to " + image + " (HTTP 401 Unauthorized): "
                + "it serves plain HTTP, so the credentials from " + credentialSource + " were not sent (anyone on the "
                + "network could read them). Serve the registry over HTTPS (a self-signed certificate works with "
                + "-Dgantry.image.allowInsecureRegistries=true), or, on a network you trust, send them anyway with "
                + "<sendCredentialsOverHttp>true</sendCredentialsOverHttp> in the gantry-maven-plugin configuration or "
                + "-Dgantry.image.sendCredentialsOverHttp=true.");
    }

    public static GantryException imageTagTakenDuringPush(String repository, String tag) {
        return new GantryException("The registry refused " + repository + ":" + tag + ": it treats the tag as immutable and "
                + "the tag now exists, although it did not when this build looked moments before: another build pushed it "
                + "meanwhile. No mutable tag (such as latest) was moved. Re-run the pipeline: an image of the same commit is "
                + "then found in place, and one of another commit is refused naming the commit it was built from.");
    }

    // --- Amazon ECR ---------------------------------------------------------------------------------

    /** Where an ECR repository is, as messages name it: {@code orders (account 123456789012, region us-east-1)}. */
    private static String ecrRepository(String repository, String account, String region) {
        return (repository == null ? "ECR" : "ECR repository " + repository) + " (account " + account + ", region "
                + region + ")";
    }

    /**
     * A failure once the image is in the registry (a tag's PUT refused, the manifest not read back, image.digest not
     * written): what is in place is said, so that nobody pushes again by hand; a message that says it already is kept.
     */
    public static GantryException afterImageInPlace(GantryException failure, String image, String digest,
            List<String> inPlace) {
        if (inPlace.isEmpty() || failure.getMessage().contains("The image is in place under")) {
            return failure;
        }
        return new GantryException(failure.getMessage() + " The image is in place under " + String.join(", ", inPlace)
                + " (" + image + "@" + digest + "); the other tags are not: re-run the pipeline once fixed, and it finds "
                + "the image there and tags it.", failure.getCause());
    }

    /**
     * The artifacts' publish failed after the image's immutable tags were pushed: its mutable tags were left where they
     * were, as the re-run that completes the release moves them.
     */
    public static GantryException movingTagsLeft(GantryException failure, String image, String digest,
            List<String> inPlace, List<String> left) {
        return new GantryException(failure.getMessage() + " The image " + image + "@" + digest + " is in place under "
                + String.join(", ", inPlace) + "; " + String.join(", ", left) + (left.size() == 1 ? " was" : " were")
                + " not moved to it, as the artifacts are not all published: the re-run finds the image there and moves "
                + (left.size() == 1 ? "it" : "them") + " once the artifacts are in place.", failure.getCause());
    }

    /** CreateRepository succeeded, PutLifecyclePolicy did not: say what exists now and how a re-run completes it. */
    public static GantryException createdWithoutLifecyclePolicy(String repository, String account, String region,
            GantryException failure) {
        return new GantryException("The ECR repository " + repository + " (account " + account + ", region " + region
                + ") was created, but its lifecycle policy could not be set: " + failure.getMessage() + " The repository "
                + "stays, without a lifecycle policy, and nothing was pushed. Once that is fixed, re-run the pipeline once "
                + "with -Dgantry.ecr.updateSettings=true to set it (a plain re-run finds the repository and only warns "
                + "that its lifecycle policy differs), or set it yourself with aws ecr put-lifecycle-policy.",
                failure.getCause());
    }

    public static GantryException ecrRepositoryCreatedAndDeletedMeanwhile(String repository, String account,
            String region) {
        return new GantryException("The ECR repository " + repository + " (account " + account + ", region " + region
                + ") was created by someone else while Gantry was about to create it, then deleted again before Gantry "
                + "could look at it. Nothing was pushed. Find out what creates and deletes it (another pipeline, an "
                + "infrastructure job), then re-run.");
    }

    public static GantryException ecrMovingTagImmutable(String repository, String account, String region, String tag,
            List<String> inPlace) {
        return new GantryException("ECR refused to move " + repository + ":" + tag + " (HTTP 400 TAG_INVALID): the tag "
                + "mutability of " + ecrRepository(repository, account, region) + " makes " + tag + " immutable, but " + tag
                + " is a moving tag that goes to every new image. Exclude the moving tags with IMMUTABLE_WITH_EXCLUSION and "
                + "a wildcard filter for each (aws ecr put-image-tag-mutability --repository-name " + repository
                + " --image-tag-mutability IMMUTABLE_WITH_EXCLUSION --image-tag-mutability-exclusion-filters "
                + "filterType=WILDCARD,filter=" + tag + "), or remove " + tag + " from the moving tags of the "
                + "<branches><branch> rule. The image is in place under " + String.join(", ", inPlace) + "; re-run the "
                + "pipeline once fixed: what is done is kept.");
    }

    public static GantryException ecrNoCredentials(String registry, String repository, String account, String region,
            String call, String detail) {
        return new GantryException("No AWS credentials for ECR's " + call + " on " + ecrRepository(repository, account,
                region) + ": " + detail + ". Gantry asks ECR for the registry token with the AWS SDK's default credential "
                + "chain: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (after aws sso login for SSO), or "
                + "a web identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, as GitHub Actions' "
                + "configure-aws-credentials sets), or run where a container or instance role applies; or put a <server> "
                + "with <id>" + registry + "</id> and a token in settings.xml.");
    }

    public static GantryException ecrCredentialsRejected(String repository, String account, String region, String call,
            String code, String detail) {
        return new GantryException("AWS rejected the credentials for ECR's " + call + " on " + ecrRepository(repository,
                account, region) + ": " + code + " (" + detail + "). They are expired or invalid: refresh them (aws sso "
                + "login, a new session token, the CI's role or OIDC set-up) and re-run the pipeline; what is done is kept.");
    }

    public static GantryException ecrAccessDenied(String repository, String account, String region, String call,
            String action, String detail) {
        // GetAuthorizationToken is not a repository's action: IAM grants it on every resource
        String resource = action.equals("ecr:GetAuthorizationToken") ? "*"
                : "arn:" + AwsPartition.of(region) + ":ecr:" + region + ":" + account + ":repository/" + repository;
        return new GantryException("AWS denied " + action + " (ECR's " + call + ") on " + ecrRepository(repository, account,
                region) + " to these credentials" + (detail == null || detail.isBlank() ? "" : ": " + detail) + ". Allow "
                + action + " on " + resource + " in the IAM policy of the role or user the build runs as (docs/ecr.md lists "
                + "the minimal policy), and re-run the pipeline; what is done is kept.");
    }

    public static GantryException ecrRepositoryNotFound(String repository, String account, String region, String call) {
        return new GantryException("There is no ECR repository " + repository + " in account " + account + ", region "
                + region + " (" + call + " answered RepositoryNotFoundException), and Gantry does not create it "
                + "(-Dgantry.ecr.provision=false). Create it (aws ecr create-repository --repository-name " + repository
                + " --region " + region + "), let Gantry create it (-Dgantry.ecr.provision=true), or fix <imageRepository> / -Dgantry.image.repository: its host names the "
                + "account and region, so a repository in another region needs that region's host.");
    }

    public static GantryException ecrThrottled(String repository, String account, String region, String call) {
        return new GantryException("ECR throttled " + call + " on " + ecrRepository(repository, account, region) + " and "
                + "the AWS SDK's retries did not get through: something else in this account and region is calling ECR "
                + "heavily. Re-run the pipeline later; what is done is kept. If it happens often, allow the SDK more "
                + "attempts with AWS_MAX_ATTEMPTS (or max_attempts in the AWS profile).");
    }

    public static GantryException ecrUnreachable(String repository, String account, String region, String call,
            String detail) {
        return new GantryException("Cannot reach ECR's API for " + call + " on " + ecrRepository(repository, account, region)
                + ": " + detail + ". Check the network and the endpoint: Gantry uses the AWS SDK's, set with "
                + "AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL or endpoint_url in the AWS profile (for a VPC endpoint).");
    }

    public static GantryException ecrFailed(String repository, String account, String region, String call, int status,
            String code, String detail) {
        String answer = "ECR answered " + call + " on " + ecrRepository(repository, account, region) + " with HTTP " + status
                + " " + code + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ". ";
        if (status >= 400 && status < 500) {
            // the request itself was refused: a re-run sends the same one
            return new GantryException(answer + ecrClientErrorAdvice(code) + "A re-run alone gets the same answer; what is "
                    + "done is kept.");
        }
        return new GantryException(answer + "Re-run the pipeline; what is done is kept. If it persists, check AWS's service "
                + "health for " + region + ".");
    }

    private static String ecrClientErrorAdvice(String code) {
        return switch (code) {
            case "InvalidParameterException" -> "ECR refused a value Gantry sent: check the repository name (ECR's: 2-256 "
                    + "lower-case letters and digits, separated by single '.', '_' or '-', and '/' between parts) and the "
                    + "gantry.ecr.* settings. ";
            case "KmsException" -> "The KMS key could not be used: check gantry.ecr.kmsKey (an id, ARN or alias of the "
                    + "repository's region) and that the key's policy lets the build's role use it for ECR. ";
            case "LimitExceededException" -> "A quota of the account is reached (repositories, lifecycle policy size, tags "
                    + "…): see Amazon ECR's service quotas, and ask for more or clean up. ";
            default -> "The request itself was refused: check the image repository and the gantry.ecr.* settings against "
                    + "ECR's answer. ";
        };
    }

    public static GantryException serverPasswordUndecryptable(String serverId, String problem) {
        return new GantryException("Cannot decrypt the password of the <server> with <id>" + serverId + "</id> in settings.xml: "
                + problem + ". It was not sent. Encrypt it again with mvn --encrypt-password and check the master password "
                + "in ~/.m2/settings-security.xml (or -Dsettings.security=<file>), or put the password there in clear text.");
    }

    /** A warning, as Maven's own for the same proxy: the build goes on, and a proxy that wants credentials refuses. */
    public static String proxyPasswordUndecryptable(String proxyId, String problem) {
        return "Cannot decrypt the password of the <proxy> with <id>" + proxyId + "</id> in settings.xml: " + problem
                + ". The image push and the AWS calls go through that proxy without credentials. Encrypt it again with mvn "
                + "--encrypt-password and check the master password in ~/.m2/settings-security.xml (or "
                + "-Dsettings.security=<file>), or put the password there in clear text.";
    }

    // --- image repository provisioning (ECR) ------------------------------------------------------------

    private static final String PROVISION_OFF = "turn provisioning off with <ecrProvision>false</ecrProvision> in the "
            + "gantry-maven-plugin configuration or -Dgantry.ecr.provision=false";

    public static GantryException movingTagMatchesReleases(String template, String pattern, String filter) {
        return new GantryException("The moving tag '" + template + "' of branch rule '" + pattern + "' can become any tag "
                + "matching " + filter + ", release versions (1.4.0) or commit tags (sha-…) included, so the image repository "
                + "cannot keep those immutable while letting this tag move. Give the tag a fixed part that no version or "
                + "commit tag has (such as branch-{branch}) in <movingTags> of that <branches><branch> rule, or " + PROVISION_OFF
                + " and set the repository's tag mutability yourself.");
    }

    public static GantryException tooManyMovingTags(List<String> movingTags, List<String> filters) {
        return new GantryException("The moving image tags of the branch rules (" + String.join("; ", movingTags) + ") need "
                + filters.size() + " tag mutability exclusion filters (" + String.join(", ", filters) + "), and ECR allows "
                + MutableTagFilters.MAX_FILTERS + "; they cannot be merged into fewer without also matching release versions "
                + "or commit tags. Use fewer moving tags, or tags that share a prefix (dev-latest, dev-{branch} → dev-*), in "
                + "<movingTags> of the <branches><branch> rules, or " + PROVISION_OFF + " and set the repository's tag "
                + "mutability yourself.");
    }

    public static GantryException invalidLifecycleSetting(String problem) {
        return new GantryException("Invalid image clean-up setting: " + problem + ". Fix <ecrExpireAfterDays> or "
                + "<ecrProtectedTags> in the gantry-maven-plugin configuration (-Dgantry.ecr.expireAfterDays, "
                + "-Dgantry.ecr.protectedTags), or " + PROVISION_OFF + ".");
    }

    public static GantryException provisioningDenied(String repository, String account, String region, String action,
            String detail) {
        return new GantryException("AWS denied " + action + " on the ECR repository " + repository + " (account " + account
                + ", region " + region + "): " + detail + ". Gantry creates and configures the repository before the first "
                + "push. Grant the build's role the IAM action " + action + " on arn:" + AwsPartition.of(region) + ":ecr:"
                + region + ":" + account
                + ":repository/" + repository + " (see docs/ecr.md for all the actions), or create the "
                + "repository yourself and " + PROVISION_OFF + ".");
    }

    /** Not a refusal but a warning: an existing repository is left as it is unless configuration says otherwise. */
    public static String repositorySettingsDiffer(String repository, List<String> differences) {
        return "The ECR repository " + repository + " differs from what Gantry would set: " + String.join("; ", differences)
                + ". Left as it is; pass -Dgantry.ecr.updateSettings=true (<ecrUpdateSettings>true</ecrUpdateSettings>) to "
                + "apply Gantry's settings, or -Dgantry.ecr.provision=false to stop comparing.";
    }

    /** The one setting no update can change: ECR fixes a repository's encryption when it is created. */
    public static String encryptionDiffers(String repository, String actual, String wanted) {
        return "The ECR repository " + repository + " is encrypted with " + actual + ", not " + wanted + " as configured; "
                + "ECR cannot change the encryption of an existing repository. Set <ecrKmsKey> (-Dgantry.ecr.kmsKey) to match "
                + "it (none for AES256), or create a new repository and push there.";
    }
}
