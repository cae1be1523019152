package dev.gantry.release;

import java.util.List;

/**
 * What an image repository is provisioned with: tag mutability that keeps releases immutable while the moving tags
 * move, scanning on push, encryption, and clean-up of old images. Derived from the configuration alone, so a dry run
 * can print it and an existing repository can be compared with it.
 *
 * @param tagFilters     the mutability and its exclusion filters, from every branch rule
 * @param scanOnPush     whether each pushed image is scanned for vulnerabilities
 * @param kmsKey         the KMS key (id, ARN or alias) to encrypt with, or null for AES256
 * @param lifecycle      the clean-up policy
 * @param updateExisting whether an existing repository that differs is changed to this policy (otherwise the
 *                       differences are only reported)
 */
public record RepositoryPolicy(MutableTagFilters tagFilters, boolean scanOnPush, String kmsKey, LifecyclePolicy lifecycle,
        boolean updateExisting) {

    public RepositoryPolicy {
        kmsKey = kmsKey == null || kmsKey.isBlank() ? null : kmsKey.trim();
    }

    /** ECR's encryption type: {@code KMS} with a key, {@code AES256} without. */
    public String encryptionType() {
        return kmsKey == null ? "AES256" : "KMS";
    }

    /** One line per setting, for the log and the dry run. */
    public List<String> describe() {
        return List.of(
                "tag mutability: " + tagFilters,
                "scan on push: " + (scanOnPush ? "on" : "off"),
                "encryption: " + (kmsKey == null ? "AES256" : "KMS key " + kmsKey),
                "lifecycle policy: " + lifecycle);
    }
}
