package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a build started in a directory leaves out the reactor around it, read from real directories. */
class EnclosingReactorTest {

    @TempDir
    Path dir;

    Path pom(String path, String modules) throws IOException {
        Path file = dir.resolve(path).resolve("pom.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<project><modelVersion>4.0.0</modelVersion>" + modules + "</project>");
        return file.getParent();
    }

    Path gitRoot(String path) throws IOException {
        return Files.createDirectories(dir.resolve(path).resolve(".git")).getParent();
    }

    @Test
    void a_module_of_the_repositorys_root_project_is_enclosed_by_it() throws IOException {
        Path root = pom("repo", "<modules><module>lib</module><module>app</module></modules>");
        gitRoot("repo");
        Path app = pom("repo/app", "");

        assertThat(EnclosingReactor.of(app)).contains(root);
        assertThat(EnclosingReactor.of(root)).as("the root itself").isEmpty();
    }

    @Test
    void finds_the_nearest_aggregator_through_a_directory_of_modules() throws IOException {
        pom("repo", "<modules><module>services</module></modules>");
        gitRoot("repo");
        Path services = pom("repo/services", "<modules><module>orders/pom.xml</module></modules>");
        Path orders = pom("repo/services/orders", "");

        assertThat(EnclosingReactor.of(orders)).contains(services);
    }

    @Test
    void reads_maven_4_subprojects() throws IOException {
        Path root = pom("repo", "<subprojects><subproject>app</subproject></subprojects>");
        Path app = pom("repo/app", "");

        assertThat(EnclosingReactor.of(app)).contains(root);
    }

    @Test
    void a_parent_that_does_not_list_the_directory_does_not_enclose_it() throws IOException {
        pom("repo", "<modules><module>lib</module></modules>");
        Path tool = pom("repo/tool", "");

        assertThat(EnclosingReactor.of(tool)).isEmpty();
    }

    @Test
    void stops_at_the_git_repositorys_root() throws IOException {
        // a workspace that aggregates several clones is not what the repository releases
        pom("workspace", "<modules><module>orders</module></modules>");
        Path orders = pom("workspace/orders", "<modules><module>app</module></modules>");
        gitRoot("workspace/orders");

        assertThat(EnclosingReactor.of(orders)).isEmpty();
        assertThat(EnclosingReactor.of(pom("workspace/orders/app", ""))).contains(orders);
    }
}
