package dev.gantry.publish;

/** What happened to one artifact. */
public enum PublishOutcome {
    PUBLISHED("published"),
    ALREADY_PUBLISHED("already-published"),
    WOULD_PUBLISH("would-publish");

    private final String id;

    PublishOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
