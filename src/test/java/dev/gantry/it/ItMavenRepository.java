package dev.gantry.it;

import dev.gantry.testing.HttpMavenRepository;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives an invoker IT an HTTP Maven repository that requires the credentials of the {@code it-authenticated} server
 * of {@code src/it/settings.xml}, for the rest of the Maven run. Its URL reaches the build as {@code -Dit.repository.url}
 * through {@code .mvn/maven.config}; its files are under {@code <basedir>/../<name>-http-repo}.
 */
public final class ItMavenRepository {

    public static final String USER = "deployer";
    public static final String PASSWORD = "gantry-planted-secret-0xdeadbeef";

    private ItMavenRepository() {
    }

    public static String startFor(File basedir) throws Exception {
        return startFor(basedir, 0);
    }

    /** As {@link #startFor(File)}, answering the first {@code failingPuts} uploads with 500. */
    public static String startFor(File basedir, int failingPuts) throws Exception {
        HttpMavenRepository repository = start(basedir);
        repository.failNextPuts(failingPuts);
        return repository.url();
    }

    /** As {@link #startFor(File)}, answering the first {@code times} uploads of a path ending so with 500. */
    public static String startFailingUploadsOf(File basedir, String pathEnd, int times) throws Exception {
        HttpMavenRepository repository = start(basedir);
        repository.failPutsOf(pathEnd, times);
        return repository.url();
    }

    private static HttpMavenRepository start(File basedir) throws Exception {
        Path root = basedir.toPath().resolveSibling(basedir.getName() + "-http-repo");
        HttpMavenRepository repository = HttpMavenRepository.start(root, USER, PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(repository::close));
        ItBuildSettings.of(basedir).maven("it.repository.url", repository.url());
        return repository;
    }

    /**
     * Writes a snapshot build of {@code it.gantry:orders} into the IT's file repository ({@code ../<IT>-maven-repo}), as
     * maven-deploy-plugin or Gantry deploys one: the timestamped jar and POM and the version's maven-metadata.xml.
     *
     * @param timestamp the build's, {@code 20260101.100200}
     */
    public static void writeSnapshotBuild(File basedir, String version, String timestamp) throws Exception {
        Path dir = basedir.toPath().resolveSibling(basedir.getName() + "-maven-repo")
                .resolve("it/gantry/orders/" + version);
        Files.createDirectories(dir);
        String build = version.replace("-SNAPSHOT", "-" + timestamp + "-1");
        String updated = timestamp.replace(".", "");
        Files.writeString(dir.resolve("orders-" + build + ".jar"), "the classes of build " + build);
        Files.writeString(dir.resolve("orders-" + build + ".pom"), "<project/>");
        Files.writeString(dir.resolve("maven-metadata.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata modelVersion="1.1.0">
                  <groupId>it.gantry</groupId>
                  <artifactId>orders</artifactId>
                  <version>%1$s</version>
                  <versioning>
                    <snapshot><timestamp>%2$s</timestamp><buildNumber>1</buildNumber></snapshot>
                    <lastUpdated>%3$s</lastUpdated>
                    <snapshotVersions>
                      <snapshotVersion><extension>jar</extension><value>%4$s</value><updated>%3$s</updated></snapshotVersion>
                      <snapshotVersion><extension>pom</extension><value>%4$s</value><updated>%3$s</updated></snapshotVersion>
                    </snapshotVersions>
                  </versioning>
                </metadata>
                """.formatted(version, timestamp, updated, build));
    }
}
