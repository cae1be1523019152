package dev.gantry.image;

/**
 * The class the image starts, and where that name came from, worded for a message ("the start-class property").
 *
 * @param name   the fully qualified class name
 * @param source where the name came from: a configuration element, a property, or jib-core's finder
 */
record MainClass(String name, String source) {

    static final String CONFIGURED = "<mainClass> of the gantry-maven-plugin or -Dgantry.image.mainClass";
    static final String START_CLASS = "the start-class property, Spring Boot's convention";
    static final String JAR_PLUGIN = "<archive><manifest><mainClass> of the maven-jar-plugin";
    static final String SHADE_PLUGIN = "the Main-Class of maven-shade-plugin's ManifestResourceTransformer";
    static final String EXEC_MAIN_CLASS = "the exec.mainClass property, exec-maven-plugin's and Micronaut's convention";

    static String found(String classesDirectory) {
        return "the one class with a main method in " + classesDirectory + ", found by jib-core's MainClassFinder";
    }
}
