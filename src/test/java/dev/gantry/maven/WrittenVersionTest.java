package dev.gantry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.git.MavenProjectConfig;
import dev.gantry.release.VersionSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenVersionTest {

    @TempDir
    Path root;

    /** The top project as Maven hands it over: its POM file as written, its properties interpolated. */
    private MavenProject top(String versionElements, String writtenProperties, Properties effective) throws IOException {
        Path pom = root.resolve("pom.xml");
        Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>g</groupId><artifactId>a</artifactId>" + versionElements + "<properties>" + writtenProperties
                + "</properties></project>");
        MavenProject project = new MavenProject();
        project.setFile(pom.toFile());
        project.getProperties().putAll(effective);
        return project;
    }

    private MavenProjectConfig config() {
        return new MavenProjectConfig(root.resolve(".mvn"), false);
    }

    private static Properties properties(String... nameValues) {
        Properties properties = new Properties();
        for (int i = 0; i < nameValues.length; i += 2) {
            properties.setProperty(nameValues[i], nameValues[i + 1]);
        }
        return properties;
    }

    @Test
    void a_plain_version_is_set_in_pom_xml() throws IOException {
        MavenProject top = top("<version>1.4.0</version>", "", new Properties());
        VersionSetting setting = WrittenVersion.of(top.getFile(), top, new Properties(), config());
        assertThat(setting).isEqualTo(VersionSetting.IN_POM);
        assertThat(setting.setTo("1.4.0")).isEqualTo("Set <version>1.4.0</version> in pom.xml");
    }

    @Test
    void each_property_is_told_where_it_comes_from() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "-Drevision=1.1.0\n");
        Properties user = properties("revision", "1.1.0", "sha1", "abc");
        MavenProject top = top("<version>${revision}${changelist}.${sha1}${suffix}</version>",
                "<changelist>-SNAPSHOT</changelist>", properties("changelist", "-SNAPSHOT", "suffix", ""));

        assertThat(WrittenVersion.of(top.getFile(), top, user, config()).where()).isEqualTo("(pom.xml's <version> is "
                + "${revision}${changelist}.${sha1}${suffix}: revision is '1.1.0', given in .mvn/maven.config; changelist is "
                + "'-SNAPSHOT', from the <properties> of pom.xml; sha1 is 'abc', given with -Dsha1 on the command line; suffix "
                + "is '', from the <properties> of a parent POM or of a profile)");
    }

    @Test
    void the_command_line_wins_over_maven_config() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "-Drevision=1.1.0\n");
        MavenProject top = top("<version>${revision}</version>", "", new Properties());
        assertThat(WrittenVersion.of(top.getFile(), top, properties("revision", "2.0.0"), config()).setTo("2.0.1")).isEqualTo(
                "Set revision to '2.0.1' (pom.xml's <version> is ${revision}: revision is '2.0.0', given with -Drevision on "
                        + "the command line)");
    }

    @Test
    void a_version_inherited_from_the_parent_is_read_there_and_an_unset_property_said() throws IOException {
        MavenProject top = top("<parent><groupId>g</groupId><artifactId>p</artifactId><version>${revision}</version></parent>",
                "", new Properties());
        assertThat(WrittenVersion.of(top.getFile(), top, new Properties(), config()).where())
                .isEqualTo("(pom.xml's <version> is ${revision}: revision has no value, set nowhere)");
    }
}
