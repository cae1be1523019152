package dev.gantry.publish;

/** What happened to one artifact. */
public enum PublishOutcome {
    PUBLISHED("published"),
    ALREADY_PUBLISHED("already-published"),
    WOULD_PUBLISH("would-publish"),
    /** A snapshot not published: a newer commit's build published that version already. */
    KEPT_ON_LATER_COMMIT("kept-on-later-commit");

    private final String id;

    PublishOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
