package dev.gantry.image;

/**
 * A registry credential and where it came from ({@code settings.xml server 'host'}, {@code Docker config ~/.docker/config.json},
 * {@code ECR GetAuthorizationToken …}): the source is named in logs and messages, the secret never.
 */
public record FoundCredential(RegistryCredential credential, String source) {
}
