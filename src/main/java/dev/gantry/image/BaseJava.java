package dev.gantry.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java a base image runs, where its name says it, and the default base for a project's Java release. The default is
 * Eclipse Temurin's JRE of the first long-term-support release at or above the project's ({@code 17}, {@code 21},
 * {@code 25}), as jib-maven-plugin chooses it: a service compiled for Java 21 on a Java 17 JRE cannot start.
 */
final class BaseJava {

    private static final int[] LTS = {17, 21, 25};
    /** {@code eclipse-temurin:21-jre}, {@code amazoncorretto:21-al2023}, with a registry, a path or a digest. */
    private static final Pattern NAMED = Pattern.compile(
            "(?:.*/)?(?:eclipse-temurin|amazoncorretto|openjdk|sapmachine|ibm-semeru-runtimes):(\\d+)(?:[-.][^@]*)?(?:@.*)?");

    private BaseJava() {
    }

    /** The default base image for a project built for this Java release (0: not known, taken as 17). */
    static String defaultFor(int javaRelease) {
        for (int lts : LTS) {
            if (javaRelease <= lts) {
                return "eclipse-temurin:" + lts + "-jre";
            }
        }
        return "eclipse-temurin:" + LTS[LTS.length - 1] + "-jre"; // newer than any: the main class's check says so
    }

    /** The Java feature release the base image runs, when its name says it (Temurin, Corretto …); 0 otherwise. */
    static int of(String from) {
        Matcher m = NAMED.matcher(from == null ? "" : from.strip());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
