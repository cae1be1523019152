package dev.gantry.maven;

import dev.gantry.release.GantryException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.DeploymentRepository;
import org.apache.maven.model.DistributionManagement;
import org.apache.maven.project.MavenProject;

/**
 * Where maven-deploy-plugin would deploy a module, and so where {@code gantry:publish}, which replaces it, publishes:
 * its alternative repository ({@link AltDeploymentRepository}), else {@code distributionManagement}'s repository for
 * the version (the {@code snapshotRepository} for a snapshot when there is one), else the reactor's embedded default,
 * a directory under the top project's {@code target/}. One answer for the plan's URL and for the publish's repository,
 * which must agree. A {@code distributionManagement} repository without an id or a URL counts as none, as Maven builds
 * no deployment repository from it.
 *
 * @param id  the {@code <server>} id whose {@code settings.xml} credentials and proxy apply
 * @param url the repository's URL as configured (it may carry credentials: show it through {@code RemoteUrls})
 */
record DeployTarget(String id, String url) {

    static final String EMBEDDED_ID = "gantry-embedded";

    /**
     * @param buildProperties the build's user and system properties ({@link Deployers#buildProperties})
     * @param snapshot        whether the version deployed is a snapshot
     */
    static DeployTarget of(MavenProject module, MavenProject top, Properties buildProperties, boolean snapshot)
            throws GantryException {
        Optional<AltDeploymentRepository> alternative = AltDeploymentRepository.of(module, buildProperties, snapshot);
        if (alternative.isPresent()) {
            return new DeployTarget(alternative.get().id(), alternative.get().url());
        }
        DistributionManagement dm = module.getDistributionManagement();
        DeploymentRepository repository = dm == null ? null : snapshot && declared(dm.getSnapshotRepository())
                ? dm.getSnapshotRepository() : dm.getRepository();
        if (declared(repository)) {
            return new DeployTarget(repository.getId(), repository.getUrl());
        }
        return new DeployTarget(EMBEDDED_ID, embeddedRepository(top).toUri().toString());
    }

    /** Whether this URL is the reactor's embedded default, which only this machine sees. */
    static boolean isEmbedded(String url, MavenProject top) {
        return embeddedRepository(top).toUri().toString().equals(url);
    }

    private static Path embeddedRepository(MavenProject top) {
        return Path.of(top.getBuild().getDirectory(), "gantry", "repository");
    }

    private static boolean declared(DeploymentRepository repository) {
        return repository != null && repository.getId() != null && !repository.getId().isBlank()
                && repository.getUrl() != null && !repository.getUrl().isBlank();
    }
}
