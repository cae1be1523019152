package dev.gantry.aws;

import dev.gantry.image.OciRegistry;
import dev.gantry.image.JibFailures;
import dev.gantry.image.RegistryApi;
import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.GantryLog;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;
import dev.gantry.release.Refusals;
import dev.gantry.release.RepositoryPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECR repository. Its data plane is the OCI API (manifests, blobs, tag PUTs with the registry token); its look-ups
 * go through ECR's {@code BatchGetImage}, one call for all tags, when the credential is ECR's own token (a
 * {@code settings.xml} or Docker config credential for the host may come without AWS credentials: then through the
 * OCI API).
 *
 * <p>ECR answers a manifest PUT under an existing tag of an immutable repository with HTTP 400 {@code TAG_INVALID},
 * even for the same digest. The push looks first and puts only the tags that need it; a {@code TAG_INVALID} after the
 * look-up (a concurrent build) is looked up again: the same manifest is "already in place", another is refused.
 */
final class EcrRegistry extends OciRegistry {

    static final String TAG_INVALID = "TAG_INVALID";
    /** How ECR names a denied action: "User: arn:… is not authorized to perform: ecr:PutImage on resource: …". */
    private static final Pattern ACTION = Pattern.compile("not authorized to perform: (ecr:[A-Za-z]+)");

    private final EcrApi ecr;
    private final String repository;
    private final boolean lookUpThroughEcr;
    private final RepositoryPolicy provisioning;
    private final GantryLog log;

    EcrRegistry(EcrApi ecr, String repository, RegistryApi api, boolean lookUpThroughEcr, RepositoryPolicy provisioning,
            GantryLog log) {
        super(api);
        this.ecr = ecr;
        this.repository = repository;
        this.lookUpThroughEcr = lookUpThroughEcr;
        this.provisioning = provisioning;
        this.log = log;
    }

    /** Creates the repository when it is missing, and compares an existing one, unless provisioning is off. */
    @Override
    public void prepare(ImagePlan plan) throws GantryException {
        if (provisioning != null) {
            new EcrRepositoryProvisioner(ecr, log).provision(repository, provisioning);
        }
    }

    @Override
    public Map<String, RemoteManifest> tags(List<String> tags) throws GantryException {
        if (lookUpThroughEcr) {
            return ecr.images(repository, tags);
        }
        try {
            return api.manifests(tags);
        } catch (RegistryApi.Forbidden e) {
            throw denied(e.answer(), "ecr:BatchGetImage");
        }
    }

    @Override
    public Optional<RemoteManifest> manifest(String reference) throws GantryException {
        try {
            return api.manifest(reference);
        } catch (RegistryApi.Forbidden e) {
            throw denied(e.answer(), "ecr:BatchGetImage");
        }
    }

    @Override
    public byte[] blob(String digest) throws GantryException {
        try {
            return api.blob(digest);
        } catch (RegistryApi.Forbidden e) {
            throw denied(e.answer(), "ecr:GetDownloadUrlForLayer");
        }
    }

    @Override
    public boolean put(ImageTag tag, RemoteManifest manifest, List<String> done) throws GantryException {
        try {
            api.putManifest(tag.name(), manifest);
            return true;
        } catch (RegistryApi.Forbidden e) {
            throw denied(e.answer(), "ecr:PutImage");
        } catch (RegistryApi.PutRefused refused) {
            if (!refused.codes().contains(TAG_INVALID)) {
                throw refused;
            }
        }
        RemoteManifest there = tags(List.of(tag.name())).get(tag.name());
        if (there != null && there.digest().equals(manifest.digest())) {
            log.info("ECR holds " + image() + ":" + tag.name() + " at " + manifest.digest() + " already (put meanwhile).");
            return false;
        }
        EcrHost host = ecr.host();
        throw tag.mutable() ? Refusals.ecrMovingTagImmutable(repository, host.account(), host.region(), tag.name(), done)
                : Refusals.imageTagTakenDuringPush(repository, tag.name());
    }

    /** Jib words ECR's {@code TAG_INVALID} as "Registry may not support pushing OCI Manifest"; the caller then looks. */
    @Override
    public boolean refusedExistingTag(Exception jibFailure) {
        return JibFailures.isManifestRefused(jibFailure);
    }

    /** ECR's registry names the IAM action it refused (HTTP 403 DENIED); Jib passes its answer on in the cause. */
    @Override
    public Optional<GantryException> explain(Exception jibFailure) {
        for (Throwable cause = jibFailure; cause != null; cause = cause.getCause()) {
            Matcher m = ACTION.matcher(String.valueOf(cause.getMessage()));
            if (m.find()) {
                return Optional.of(denied(String.valueOf(cause.getMessage()), m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A refusal for a registry call ECR denied, naming the action from its answer when it gives one. */
    private GantryException denied(String answer, String expectedAction) {
        Matcher m = ACTION.matcher(answer);
        String action = m.find() ? m.group(1) : expectedAction;
        EcrHost host = ecr.host();
        return Refusals.ecrAccessDenied(repository, host.account(), host.region(), action.substring("ecr:".length()),
                action, null);
    }
}
