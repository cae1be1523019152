package dev.gantry.image;

import dev.gantry.image.RegistryApi.RemoteManifest;
import dev.gantry.release.GantryException;
import dev.gantry.release.ImagePlan;
import dev.gantry.release.ImageTag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any registry that speaks the OCI distribution API: look-ups and tag PUTs through {@link RegistryApi}, nothing to
 * prepare. A registry with more to it (ECR) extends this and overrides what differs.
 */
public class OciRegistry implements ImageRegistry {

    protected final RegistryApi api;

    public OciRegistry(RegistryApi api) {
        this.api = api;
    }

    @Override
    public String image() {
        return api.image();
    }

    @Override
    public void prepare(ImagePlan plan) throws GantryException {
        // a push creates the repository
    }

    @Override
    public Map<String, RemoteManifest> tags(List<String> tags) throws GantryException {
        return api.manifests(tags);
    }

    @Override
    public Optional<RemoteManifest> manifest(String reference) throws GantryException {
        return api.manifest(reference);
    }

    @Override
    public byte[] blob(String digest) throws GantryException {
        return api.blob(digest);
    }

    @Override
    public boolean put(ImageTag tag, RemoteManifest manifest, List<String> done) throws GantryException {
        api.putManifest(tag.name(), manifest);
        return true;
    }

    @Override
    public boolean refusedExistingTag(Exception jibFailure) {
        return false;
    }

    @Override
    public Optional<GantryException> explain(Exception jibFailure) {
        return Optional.empty();
    }
}
