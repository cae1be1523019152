package dev.gantry.publish;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.artifact.Artifact;

/**
 * A module's two POMs under Maven 4 against a release Maven 3.9 published. Maven 4 publishes its consumer POM as
 * {@code x.pom} and the project's POM as written as {@code x-build.pom}; Maven 3.9 publishes the project's POM as
 * {@code x.pom} and no build POM. A re-run under Maven 4 of a release Maven 3.9 made (a lost tag push, after the CI
 * moved to Maven 4) therefore finds a {@code .pom} that differs from its own and no {@code -build.pom}, though the
 * project's POM is the one published: that {@code .pom} is the release's, already in place, and the {@code -build.pom},
 * the same POM under Maven 4's name, is left out, since a published release gains no files.
 *
 * @param pom      the module's {@code .pom} (under Maven 4 its consumer POM)
 * @param buildPom the module's {@code -build.pom}: the project's POM as written
 */
record ProjectPoms(Artifact pom, Artifact buildPom) {

    /** The module's two POMs, when it has a build POM (Maven 4); empty under Maven 3.9. */
    static Optional<ProjectPoms> of(ModuleArtifacts module) {
        Optional<Artifact> buildPom = module.artifacts().stream().filter(ArtifactPublisher::isBuildPom).findFirst();
        Optional<Artifact> pom = module.artifacts().stream()
                .filter(a -> "pom".equals(a.getExtension()) && a.getClassifier().isEmpty()).findFirst();
        return buildPom.isPresent() && pom.isPresent() && buildPom.get().getFile() != null && pom.get().getFile() != null
                ? Optional.of(new ProjectPoms(pom.get(), buildPom.get())) : Optional.empty();
    }

    /**
     * Whether the release in the repository has the project's POM as its {@code .pom} and no build POM, as Maven 3.9
     * publishes it. Asks the repository only when its {@code .pom} differs from this build's (one small download, or
     * CodeArtifact's asset hash).
     */
    boolean publishedAsMaven39(ModuleArtifacts module, PublishedFiles published) throws GantryException {
        PublishedFiles.PublishedCopy pomCopy = published.copies().getOrDefault(pom, PublishedFiles.PublishedCopy.ABSENT);
        PublishedFiles.PublishedCopy buildPomCopy = published.copies().getOrDefault(buildPom,
                PublishedFiles.PublishedCopy.ABSENT);
        if (!pomCopy.found() || buildPomCopy.found()) {
            return false;
        }
        if (pomCopy.difference() == null) {
            return sameBytes(pom, buildPom); // Maven 4 without a consumer POM of its own: its .pom is the project's POM
        }
        // the published .pom, compared with the project's POM under the .pom's coordinates
        Artifact projectPomAsPom = pom.setFile(buildPom.getFile());
        ModuleArtifacts asMaven39 = new ModuleArtifacts(module.module(), List.of(projectPomAsPom), module.repository());
        return PublishedFiles.PublishedCopy.IDENTICAL.equals(module.repository().published(asMaven39).copies()
                .get(projectPomAsPom));
    }

    /**
     * Whether the release in the repository has a {@code .pom} that differs from this build's, and no build POM: not
     * this build's Maven 4 publish broken off before its build POM (that {@code .pom} would be this build's), but a
     * release Maven 3.9 published from a POM that has changed since (a re-run of a dirty tree). It gains no build POM
     * either; its {@code .pom} is judged as any differing file.
     */
    boolean publishedOtherwiseWithoutBuildPom(PublishedFiles published) {
        PublishedFiles.PublishedCopy pomCopy = published.copies().getOrDefault(pom, PublishedFiles.PublishedCopy.ABSENT);
        return pomCopy.found() && pomCopy.difference() != null
                && !published.copies().getOrDefault(buildPom, PublishedFiles.PublishedCopy.ABSENT).found();
    }

    /** Whether {@code artifact} is the build POM or a signature of it: what is left out with it. */
    boolean isBuildPomOrItsSignature(Artifact artifact, List<Artifact> artifacts) {
        return artifact.equals(buildPom) || Signatures.signedFile(artifact, artifacts).filter(buildPom::equals).isPresent();
    }

    private static boolean sameBytes(Artifact a, Artifact b) throws GantryException {
        try {
            return Files.mismatch(a.getFile().toPath(), b.getFile().toPath()) == -1L;
        } catch (IOException e) {
            throw Refusals.cannotCompareWithPublished(String.valueOf(a), e);
        }
    }
}
