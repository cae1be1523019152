package dev.gantry.maven;

import dev.gantry.git.TagOutcome;
import dev.gantry.image.BaseImage;
import dev.gantry.publish.PublishOutcome;
import dev.gantry.release.GantryException;
import dev.gantry.release.Plan;
import dev.gantry.release.ReleaseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the deploy actually did, written to {@code target/gantry/release.json} after every step, so that a
 * failed run still shows what was in place when it stopped. Its {@code status} is {@code in-progress} until the
 * release's last step is done ({@code succeeded}), or {@code failed}, with the goal, module and message of the failure,
 * or {@code incomplete} when the build ended with a step of the plan's release never done ({@link ReleaseGate#unfinished}).
 */
public final class ReleaseReport {

    /** One artifact, image tag or git tag and what happened to it ("published", "already-published", …). */
    public record Outcome(String name, String outcome) {
    }

    /** What a tag or a file left where a later commit's build put it is recorded as: the image's and publish's word. */
    private static final String KEPT_ON_LATER_COMMIT = PublishOutcome.KEPT_ON_LATER_COMMIT.id();

    private final Plan plan;
    private final boolean dryRun;
    private final Path file;
    private String imageRepository;
    private String imageDigest;
    private BaseImage imageBase;
    private final List<Outcome> imageTags = new ArrayList<>();
    private final List<Outcome> artifacts = new ArrayList<>();
    private String artifactRepository;
    private final List<Outcome> gitTags = new ArrayList<>();
    private String status = "in-progress";
    private JsonObject failure;

    ReleaseReport(Plan plan, boolean dryRun, Path file) {
        this.plan = plan;
        this.dryRun = dryRun;
        this.file = file;
    }

    /** The report of a run refused while planning: there is no plan, only the failure. */
    static ReleaseReport withoutPlan(boolean dryRun, Path file) {
        return new ReleaseReport(null, dryRun, file);
    }

    synchronized void succeeded() throws GantryException {
        status = "succeeded";
        write();
    }

    /** The run failed in this goal and module; what was done before stays in the report. */
    synchronized void failed(String goal, String module, String message) throws GantryException {
        status = "failed";
        failure = JsonFiles.object().put("goal", goal).put("module", module).put("message", message);
        write();
    }

    /** The build ended with the release unfinished and no goal failing: {@code message} says which step never ran. */
    synchronized void incomplete(String message) throws GantryException {
        status = "incomplete";
        failure = JsonFiles.object().put("goal", (String) null).put("module", (String) null).put("message", message);
        write();
    }

    /** Neither succeeded nor failed yet. */
    synchronized boolean inProgress() {
        return status.equals("in-progress");
    }

    /** What the build did before it stopped, in a few words, for a message. */
    synchronized String done() {
        List<String> done = inPlace();
        return done.isEmpty() ? "this build pushed, published and tagged nothing"
                : "only " + String.join(" and ", done) + (done.size() == 1 ? " is" : " are") + " in place";
    }

    /** Whether nothing of the release was pushed, published or tagged. */
    synchronized boolean nothingInPlace() {
        return inPlace().isEmpty();
    }

    private List<String> inPlace() {
        List<String> done = new ArrayList<>();
        if (hasImage()) {
            done.add("the image " + imageRepository + " (" + String.join(", ", imageTags.stream().map(Outcome::name).toList()) + ")");
        }
        long inRepository = artifactsInPlace();
        if (inRepository > 0) {
            done.add(inRepository + " artifact files in " + artifactRepository);
        }
        gitTags.forEach(t -> done.add("the git tag " + t.name()));
        return done;
    }

    /** Records the image: its digest and, per tag, "pushed", "already-in-place" or "would-push". */
    public synchronized void image(String repository, String digest, List<Outcome> tags) throws GantryException {
        image(repository, digest, null, tags);
    }

    /** As {@link #image(String, String, List)}, with the base image the image runs on (null: scratch or not known). */
    public synchronized void image(String repository, String digest, BaseImage base, List<Outcome> tags)
            throws GantryException {
        imageBase = base;
        imageRepository = repository;
        imageDigest = digest;
        imageTags.clear();
        imageTags.addAll(tags);
        write();
    }

    /** Records more of the image's tags: the mutable ones, moved once the artifacts were published. */
    synchronized void imageTags(List<Outcome> tags) throws GantryException {
        imageTags.addAll(tags);
        write();
    }

    synchronized void artifacts(String repository, List<Outcome> outcomes) throws GantryException {
        artifactRepository = repository;
        artifacts.addAll(outcomes);
        write();
    }

    synchronized void gitTag(TagOutcome tag) throws GantryException {
        gitTags.add(new Outcome(tag.tag(), tag.id()));
        write();
    }

    /**
     * The facts a deployment needs, for the CI outputs, once the run {@linkplain #succeeded() succeeded}: released when
     * the plan had something to release and it is complete (not a dry run).
     */
    synchronized Handoff handoff() {
        // a snapshot whose moving tags stayed on a newer commit's image is that commit's to deploy, not this one's
        boolean superseded = plan != null && plan.release() == ReleaseKind.SNAPSHOT && imageTags.stream()
                .anyMatch(t -> t.outcome().equals(KEPT_ON_LATER_COMMIT));
        boolean released = "succeeded".equals(status) && plan != null && plan.publishes() && !dryRun && !superseded;
        String environmentTag = plan == null ? null : plan.environmentTag();
        boolean kept = !dryRun && environmentTag != null && gitTags.stream()
                .anyMatch(t -> t.name().equals(environmentTag) && t.outcome().equals(KEPT_ON_LATER_COMMIT));
        return new Handoff(released, superseded, plan == null ? null : plan.version(), imageRepository, imageDigest,
                // a moving tag kept on another image is not this image's: a deployment must not follow it here
                imageTags.stream().filter(t -> !t.outcome().startsWith("kept-on-")).map(Outcome::name).toList(),
                recordedGitTag(plan == null ? null : plan.gitTag()),
                recordedGitTag(environmentTag), kept ? environmentTag : null, (int) artifactsInPlace());
    }

    /**
     * The tag when the tag goal recorded it (created, pushed or found in place), else null; null in a dry run, whose tag
     * is only one it would push: a pipeline that deploys on a tag must not take it for made.
     */
    private String recordedGitTag(String name) {
        return !dryRun && name != null && gitTags.stream()
                .anyMatch(t -> t.name().equals(name) && !t.outcome().equals(KEPT_ON_LATER_COMMIT)) ? name : null;
    }

    synchronized boolean hasImage() {
        return imageDigest != null || !imageTags.isEmpty();
    }

    /** Whether the image goal found this tag already on the image it built (same digest: same commit). */
    synchronized boolean imageTagInPlace(String tag) {
        return imageTags.stream().anyMatch(t -> t.name().equals(tag) && t.outcome().equals("already-in-place"));
    }

    /** The artifact files published or found published: not those left to a newer commit's build. */
    private long artifactsInPlace() {
        return artifacts.stream().filter(a -> !a.outcome().equals(KEPT_ON_LATER_COMMIT)).count();
    }

    synchronized boolean hasArtifacts() {
        return !artifacts.isEmpty();
    }

    synchronized void write() throws GantryException {
        JsonObject json = JsonFiles.object();
        json.put("status", status);
        json.set("failure", failure);
        json.put("branch", plan == null ? null : plan.branch());
        json.put("commit", plan == null ? null : plan.commit());
        json.put("version", plan == null ? null : plan.version());
        json.put("release", plan == null ? null : plan.release().id());
        json.put("dryRun", dryRun);
        if (imageDigest == null && imageTags.isEmpty()) {
            json.putNull("image");
        } else {
            JsonObject image = json.putObject("image");
            image.put("repository", imageRepository);
            image.put("digest", imageDigest);
            if (imageBase == null) {
                image.putNull("base");
            } else {
                image.putObject("base").put("name", imageBase.name()).put("digest", imageBase.digest());
            }
            // how a deployment references it: by digest, which no tag move changes
            image.put("reference", imageDigest == null ? null : imageRepository + "@" + imageDigest);
            outcomes(image.putArray("tags"), imageTags);
        }
        if (artifacts.isEmpty()) {
            json.putNull("artifacts");
        } else {
            JsonObject node = json.putObject("artifacts");
            node.put("repository", artifactRepository);
            outcomes(node.putArray("files"), artifacts);
        }
        outcomes(json.putArray("gitTags"), gitTags);
        JsonFiles.write(json, file);
    }

    private static void outcomes(JsonObject.Array array, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            array.addObject().put("name", o.name()).put("outcome", o.outcome());
        }
    }
}
