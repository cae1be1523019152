package dev.gantry.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseJavaTest {

    @Test
    void the_default_base_is_the_first_lts_jre_at_or_above_the_projects_java() {
        assertThat(BaseJava.defaultFor(0)).as("not known").isEqualTo("eclipse-temurin:17-jre");
        assertThat(BaseJava.defaultFor(11)).isEqualTo("eclipse-temurin:17-jre");
        assertThat(BaseJava.defaultFor(17)).isEqualTo("eclipse-temurin:17-jre");
        assertThat(BaseJava.defaultFor(18)).isEqualTo("eclipse-temurin:21-jre");
        assertThat(BaseJava.defaultFor(21)).isEqualTo("eclipse-temurin:21-jre");
        assertThat(BaseJava.defaultFor(25)).isEqualTo("eclipse-temurin:25-jre");
        assertThat(BaseJava.defaultFor(26)).as("the main class's check refuses it").isEqualTo("eclipse-temurin:25-jre");
    }

    @Test
    void reads_the_java_of_a_base_image_from_its_name_where_it_says() {
        assertThat(BaseJava.of("eclipse-temurin:21-jre")).isEqualTo(21);
        assertThat(BaseJava.of("123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror/eclipse-temurin:17-jre-alpine@sha256:ab"))
                .isEqualTo(17);
        assertThat(BaseJava.of("amazoncorretto:21-al2023")).isEqualTo(21);
        assertThat(BaseJava.of("public.ecr.aws/amazoncorretto/amazoncorretto:25")).isEqualTo(25);
        assertThat(BaseJava.of("gcr.io/distroless/java21-debian12")).as("says no tag number").isZero();
        assertThat(BaseJava.of("registry.example.com:5000/base:1")).isZero();
        assertThat(BaseJava.of("scratch")).isZero();
    }
}
