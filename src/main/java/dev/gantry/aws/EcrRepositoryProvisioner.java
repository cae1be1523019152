package dev.gantry.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.Refusals;
import dev.gantry.release.RepositoryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilterType;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Makes an ECR repository ready for a release before the first push: creates it when it is missing, with the
 * {@link RepositoryPolicy} (tag mutability with exclusions, scan on push, encryption, lifecycle policy); an existing
 * repository is compared with the policy and what differs is logged, and changed only when asked.
 */
public final class EcrRepositoryProvisioner {

    /** What provisioning did, for the log and {@code release.json}. */
    public enum Outcome { CREATED, IN_PLACE, DIFFERS, UPDATED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcrApi api;
    private final String account;
    private final String region;
    private final GantryLog log;

    EcrRepositoryProvisioner(EcrApi api, GantryLog log) {
        this.api = api;
        this.account = api.host().account();
        this.region = api.host().region();
        this.log = log;
    }

    public Outcome provision(String repository, RepositoryPolicy policy) throws GantryException {
        Repository existing = describe(repository);
        if (existing == null) {
            try {
                call(repository, "CreateRepository", c -> c.createRepository(r -> r.registryId(account)
                        .repositoryName(repository)
                        .imageTagMutability(policy.tagFilters().mutability())
                        .imageTagMutabilityExclusionFilters(filters(policy))
                        .imageScanningConfiguration(s -> s.scanOnPush(policy.scanOnPush()))
                        .encryptionConfiguration(e -> e.encryptionType(policy.encryptionType()).kmsKey(policy.kmsKey()))));
                try {
                    putLifecyclePolicy(repository, policy);
                } catch (GantryException e) {
                    // the repository stays: a plain re-run finds it and only warns that its lifecycle policy differs
                    throw Refusals.createdWithoutLifecyclePolicy(repository, account, region, e);
                }
                log.info("Created the ECR repository " + repository + " (account " + account + ", region " + region + "):");
                policy.describe().forEach(line -> log.info("  " + line));
                return Outcome.CREATED;
            } catch (RepositoryAlreadyExistsException e) {
                // another pipeline created it since the look-up: judge it as an existing one
                existing = describe(repository);
                if (existing == null) {
                    throw Refusals.ecrRepositoryCreatedAndDeletedMeanwhile(repository, account, region);
                }
            }
        }
        return compare(repository, existing, policy);
    }

    private Outcome compare(String repository, Repository existing, RepositoryPolicy policy) throws GantryException {
        warnIfEncryptionDiffers(repository, existing.encryptionConfiguration(), policy);
        List<String> differences = new ArrayList<>();
        List<String> filters = existing.imageTagMutabilityExclusionFilters().stream()
                .map(ImageTagMutabilityExclusionFilter::filter).sorted().toList();
        boolean mutabilityDiffers = !policy.tagFilters().mutability().equals(existing.imageTagMutabilityAsString())
                || !filters.equals(policy.tagFilters().filters().stream().sorted().toList());
        if (mutabilityDiffers) {
            differences.add("tag mutability is " + existing.imageTagMutabilityAsString()
                    + (filters.isEmpty() ? "" : " " + String.join(", ", filters)) + ", Gantry sets " + policy.tagFilters());
        }
        boolean scanning = existing.imageScanningConfiguration() != null && existing.imageScanningConfiguration().scanOnPush();
        if (scanning != policy.scanOnPush()) {
            differences.add("scan on push is " + onOff(scanning) + ", Gantry sets " + onOff(policy.scanOnPush()));
        }
        String lifecycle = lifecyclePolicy(repository);
        boolean lifecycleDiffers = !sameJson(lifecycle, policy.lifecycle().toJson());
        if (lifecycleDiffers) {
            differences.add((lifecycle == null ? "it has no lifecycle policy" : "its lifecycle policy is another")
                    + ", Gantry sets: " + policy.lifecycle());
        }
        if (differences.isEmpty()) {
            log.info("The ECR repository " + repository + " is set up as configured.");
            return Outcome.IN_PLACE;
        }
        if (!policy.updateExisting()) {
            log.warn(Refusals.repositorySettingsDiffer(repository, differences));
            return Outcome.DIFFERS;
        }
        if (mutabilityDiffers) {
            call(repository, "PutImageTagMutability", c -> c.putImageTagMutability(r -> r.registryId(account)
                    .repositoryName(repository).imageTagMutability(policy.tagFilters().mutability())
                    .imageTagMutabilityExclusionFilters(filters(policy))));
        }
        if (scanning != policy.scanOnPush()) {
            call(repository, "PutImageScanningConfiguration", c -> c.putImageScanningConfiguration(r -> r.registryId(account)
                    .repositoryName(repository).imageScanningConfiguration(s -> s.scanOnPush(policy.scanOnPush()))));
        }
        if (lifecycleDiffers) {
            putLifecyclePolicy(repository, policy);
        }
        log.info("Updated the ECR repository " + repository + " (gantry.ecr.updateSettings): " + String.join("; ", differences)
                + ".");
        return Outcome.UPDATED;
    }

    private void warnIfEncryptionDiffers(String repository, EncryptionConfiguration actual, RepositoryPolicy policy) {
        String type = actual == null ? "AES256" : actual.encryptionTypeAsString();
        String key = actual == null ? null : actual.kmsKey();
        boolean sameKey = policy.kmsKey() == null || (key != null
                && (key.equals(policy.kmsKey()) || key.endsWith("/" + policy.kmsKey()) || key.endsWith(":" + policy.kmsKey())));
        if (!type.equals(policy.encryptionType()) || !sameKey) {
            log.warn(Refusals.encryptionDiffers(repository, key == null ? type : type + " key " + key,
                    policy.kmsKey() == null ? "AES256" : "KMS key " + policy.kmsKey()));
        }
    }

    private Repository describe(String repository) throws GantryException {
        try {
            return call(repository, "DescribeRepositories", c -> c.describeRepositories(r -> r.registryId(account)
                    .repositoryNames(repository))).repositories().get(0);
        } catch (RepositoryNotFoundException e) {
            return null;
        }
    }

    private String lifecyclePolicy(String repository) throws GantryException {
        try {
            return call(repository, "GetLifecyclePolicy", c -> c.getLifecyclePolicy(r -> r.registryId(account)
                    .repositoryName(repository))).lifecyclePolicyText();
        } catch (LifecyclePolicyNotFoundException e) {
            return null;
        }
    }

    private void putLifecyclePolicy(String repository, RepositoryPolicy policy) throws GantryException {
        call(repository, "PutLifecyclePolicy", c -> c.putLifecyclePolicy(r -> r.registryId(account)
                .repositoryName(repository).lifecyclePolicyText(policy.lifecycle().toJson())));
    }

    /**
     * One ECR call. The answers the caller handles (repository or policy not found, already exists) pass through; a
     * denial names the switch that turns provisioning off; anything else is worded as for every other ECR call.
     */
    private <T> T call(String repository, String operation, Function<EcrClient, T> call) throws GantryException {
        String action = "ecr:" + operation;
        try {
            return call.apply(api.client());
        } catch (RepositoryNotFoundException | RepositoryAlreadyExistsException | LifecyclePolicyNotFoundException e) {
            throw e;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
                throw Refusals.provisioningDenied(repository, account, region, action, e.awsErrorDetails().errorMessage());
            }
            throw api.refusal(operation, action, repository, e);
        } catch (SdkException e) {
            // no credentials, endpoint unreachable: EcrApi words these, so let it see the failure
            return api.call(operation, action, repository, client -> {
                throw e;
            });
        }
    }

    private static List<ImageTagMutabilityExclusionFilter> filters(RepositoryPolicy policy) {
        return policy.tagFilters().filters().stream().map(f -> ImageTagMutabilityExclusionFilter.builder()
                .filterType(ImageTagMutabilityExclusionFilterType.WILDCARD).filter(f).build()).toList();
    }

    /** ECR may hand a policy back re-formatted: compared as JSON, not as text. */
    private static boolean sameJson(String actual, String wanted) {
        try {
            return actual != null && JSON.readTree(actual).equals(JSON.readTree(wanted));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
