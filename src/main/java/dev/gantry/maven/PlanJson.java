package dev.gantry.maven;

import dev.gantry.release.ImageTag;
import dev.gantry.release.Plan;

/** {@code target/gantry/plan.json}: the plan in the form of the user contract (DESIGN.md). */
final class PlanJson {

    private PlanJson() {
    }

    static JsonObject of(Plan plan, boolean dryRun) {
        JsonObject json = JsonFiles.object();
        json.put("branch", plan.branch());
        json.put("commit", plan.commit());
        json.put("version", plan.version());
        json.put("previousVersion", plan.previousVersion());
        json.put("release", plan.release().id());
        json.put("reason", plan.reason());
        json.put("rule", plan.rule());
        json.put("dryRun", dryRun);
        if (plan.image() == null) {
            json.putNull("image");
        } else {
            JsonObject image = json.putObject("image");
            image.put("repository", plan.image().repository());
            image.put("local", plan.image().local());
            JsonObject.Array tags = image.putArray("tags");
            for (ImageTag tag : plan.image().tags()) {
                tags.addObject().put("name", tag.name()).put("mutable", tag.mutable());
            }
        }
        if (plan.artifacts() == null) {
            json.putNull("artifacts");
        } else {
            json.putObject("artifacts").put("repository", plan.artifacts().repository()).put("mode", plan.artifacts().mode().id());
        }
        json.put("gitTag", plan.gitTag());
        json.put("environmentTag", plan.environmentTag());
        return json;
    }
}
