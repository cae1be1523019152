package dev.gantry.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.git.TagOutcome;
import dev.gantry.image.BaseImage;
import dev.gantry.release.GantryException;
import dev.gantry.release.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the deploy actually did, written to {@code target/gantry/release.json} after every step, so that a
 * failed run still shows what was in place when it stopped.
 */
public final class ReleaseReport {

    /** One artifact, image tag or git tag and what happened to it ("published", "already-published", …). */
    public record Outcome(String name, String outcome) {
    }

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

    ReleaseReport(Plan plan, boolean dryRun, Path file) {
        this.plan = plan;
        this.dryRun = dryRun;
        this.file = file;
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

    synchronized void artifacts(String repository, List<Outcome> outcomes) throws GantryException {
        artifactRepository = repository;
        artifacts.addAll(outcomes);
        write();
    }

    synchronized void gitTag(TagOutcome tag) throws GantryException {
        gitTags.add(new Outcome(tag.tag(), tag.action().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        write();
    }

    synchronized boolean hasImage() {
        return imageDigest != null || !imageTags.isEmpty();
    }

    synchronized boolean hasArtifacts() {
        return !artifacts.isEmpty();
    }

    synchronized void write() throws GantryException {
        ObjectNode json = JsonFiles.object();
        json.put("branch", plan.branch());
        json.put("commit", plan.commit());
        json.put("version", plan.version());
        json.put("release", plan.release().id());
        json.put("dryRun", dryRun);
        if (imageDigest == null && imageTags.isEmpty()) {
            json.putNull("image");
        } else {
            ObjectNode image = json.putObject("image");
            image.put("repository", imageRepository);
            image.put("digest", imageDigest);
            if (imageBase == null) {
                image.putNull("base");
            } else {
                image.putObject("base").put("name", imageBase.name()).put("digest", imageBase.digest());
            }
            outcomes(image.putArray("tags"), imageTags);
        }
        if (artifacts.isEmpty()) {
            json.putNull("artifacts");
        } else {
            ObjectNode node = json.putObject("artifacts");
            node.put("repository", artifactRepository);
            outcomes(node.putArray("files"), artifacts);
        }
        outcomes(json.putArray("gitTags"), gitTags);
        JsonFiles.write(json, file);
    }

    private static void outcomes(ArrayNode array, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            array.addObject().put("name", o.name()).put("outcome", o.outcome());
        }
    }
}
