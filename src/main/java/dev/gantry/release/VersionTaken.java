package dev.gantry.release;

import java.util.function.Function;

/**
 * A refusal whose remedy is a new version, raised where the project's version setting is not known: a registry's
 * taken tag, a repository's differing release, a release tag on another commit. Its message says "bump the version in
 * pom.xml"; the goal that reports it names where this project sets its version instead ({@link #where}), so that a
 * CI-friendly version ({@code ${revision}} from {@code -Drevision} or {@code .mvn/maven.config}) is not sent to edit
 * pom.xml.
 */
public final class VersionTaken extends GantryException {

    /** The message, given where the version is set ("in pom.xml", or how a CI-friendly version is made). */
    private final transient Function<String, String> message;

    public VersionTaken(Function<String, String> message) {
        super(message.apply(VersionSetting.IN_POM.where()));
        this.message = message;
    }

    /** The same refusal, naming where this project's version is set. */
    public GantryException where(VersionSetting setting) {
        return new GantryException(message.apply(setting.where()), getCause());
    }
}
