package dev.gantry.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points the AWS SDK of this JVM at the stand-ins through its standard settings, as system properties (the SDK reads
 * them before the environment): {@code aws.endpointUrlEcr} and/or {@code aws.endpointUrlCodeartifact} (the names SDK
 * 2.40.2 reads), dummy {@code aws.accessKeyId}/{@code aws.secretAccessKey} (both stand-ins know the same key), no shared
 * config or credentials file and no instance metadata, so nothing of the machine's leaks in. Restores the previous
 * values on close. The maps of {@link #settings} compose: one forked build can hold both stand-ins' settings.
 */
public final class AwsSdkSettings implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private AwsSdkSettings(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            previous.put(key, System.getProperty(key));
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    /** The stand-in's endpoint and its known access key. */
    public static AwsSdkSettings pointAt(EcrStandIn ecr, Path nowhere) {
        return new AwsSdkSettings(settings(ecr, nowhere, EcrStandIn.ACCESS_KEY_ID, EcrStandIn.SECRET_ACCESS_KEY));
    }

    /** The stand-in's endpoint, and no credentials anywhere. */
    public static AwsSdkSettings withoutCredentials(EcrStandIn ecr, Path nowhere) {
        return new AwsSdkSettings(settings(ecr, nowhere, null, null));
    }

    /** The CodeArtifact stand-in's endpoint and its known access key. */
    public static AwsSdkSettings pointAt(CodeArtifactStandIn codeArtifact, Path nowhere) {
        return new AwsSdkSettings(settings(codeArtifact, nowhere, CodeArtifactStandIn.ACCESS_KEY_ID,
                CodeArtifactStandIn.SECRET_ACCESS_KEY));
    }

    /** The settings as {@code -D} options or {@code .mvn/jvm.config} lines of a forked Maven. */
    public static Map<String, String> settings(EcrStandIn ecr, Path nowhere, String accessKeyId, String secretAccessKey) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aws.endpointUrlEcr", ecr.endpoint());
        settings.putAll(common(nowhere, accessKeyId, secretAccessKey));
        return settings;
    }

    /** As {@link #settings(EcrStandIn, Path, String, String)}, for the CodeArtifact stand-in. */
    public static Map<String, String> settings(CodeArtifactStandIn codeArtifact, Path nowhere, String accessKeyId,
                                               String secretAccessKey) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aws.endpointUrlCodeartifact", codeArtifact.endpoint());
        settings.putAll(common(nowhere, accessKeyId, secretAccessKey));
        return settings;
    }

    private static Map<String, String> common(Path nowhere, String accessKeyId, String secretAccessKey) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aws.accessKeyId", accessKeyId);
        settings.put("aws.secretAccessKey", secretAccessKey);
        settings.put("aws.configFile", nowhere.resolve("aws-config").toString());
        settings.put("aws.sharedCredentialsFile", nowhere.resolve("aws-credentials").toString());
        settings.put("aws.disableEc2Metadata", "true");
        return settings;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
