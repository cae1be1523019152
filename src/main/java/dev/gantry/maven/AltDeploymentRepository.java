package dev.gantry.maven;

import dev.gantry.git.RemoteUrls;
import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.ArtifactUtils;
import org.apache.maven.project.MavenProject;

/**
 * The repository that maven-deploy-plugin's {@code altDeploymentRepository}, {@code altReleaseDeploymentRepository} or
 * {@code altSnapshotDeploymentRepository} names for a module ({@code -DaltDeploymentRepository=nexus::https://…}, as
 * many CI pipelines deploy): maven-deploy-plugin deploys there instead of {@code distributionManagement}, so
 * {@code gantry:publish}, which replaces it, publishes there too. Read as maven-deploy-plugin 3 reads it: the
 * snapshot or release one for the module's version when set, else the general one; {@code id::url}, or the 2.x form
 * {@code id::default::url}.
 *
 * @param id  the {@code <server>} id whose credentials {@code settings.xml} gives
 * @param url the repository's URL
 */
record AltDeploymentRepository(String id, String url) {

    static final String GENERAL = "altDeploymentRepository";
    static final String RELEASES = "altReleaseDeploymentRepository";
    static final String SNAPSHOTS = "altSnapshotDeploymentRepository";

    private static final Pattern LEGACY = Pattern.compile("(.+?)::(.+?)::(.+)");
    private static final Pattern ID_URL = Pattern.compile("(.+?)::(.+)");

    /**
     * The module's alternative repository for its version, if maven-deploy-plugin is given one.
     *
     * @param properties the build's user and system properties ({@link Deployers#buildProperties})
     */
    static Optional<AltDeploymentRepository> of(MavenProject module, Properties properties) throws GantryException {
        return of(module, properties, ArtifactUtils.isSnapshot(module.getVersion()));
    }

    /** The same for a snapshot or a release version, whichever the module has. */
    static Optional<AltDeploymentRepository> of(MavenProject module, Properties properties, boolean snapshot)
            throws GantryException {
        String specific = snapshot ? SNAPSHOTS : RELEASES;
        String name = specific;
        String value = Deployers.parameter(Deployers.MAVEN_DEPLOY, module, properties, specific, specific);
        if (value == null) {
            name = GENERAL;
            value = Deployers.parameter(Deployers.MAVEN_DEPLOY, module, properties, GENERAL, GENERAL);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(name, value.trim()));
    }

    static AltDeploymentRepository parse(String name, String value) throws GantryException {
        Matcher legacy = LEGACY.matcher(value);
        if (legacy.matches()) {
            if (!"default".equals(legacy.group(2).trim())) {
                throw Refusals.invalidAltDeploymentRepository(name, RemoteUrls.redact(value));
            }
            return of(name, value, legacy.group(1), legacy.group(3));
        }
        Matcher idUrl = ID_URL.matcher(value);
        if (!idUrl.matches()) {
            throw Refusals.invalidAltDeploymentRepository(name, RemoteUrls.redact(value));
        }
        return of(name, value, idUrl.group(1), idUrl.group(2));
    }

    private static AltDeploymentRepository of(String name, String value, String id, String url) throws GantryException {
        if (id.isBlank() || url.isBlank()) {
            throw Refusals.invalidAltDeploymentRepository(name, RemoteUrls.redact(value));
        }
        return new AltDeploymentRepository(id.trim(), url.trim());
    }
}
