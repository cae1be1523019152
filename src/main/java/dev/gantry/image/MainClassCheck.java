package dev.gantry.image;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks, before anything is pushed or written, that the image can start its main class: the class is on the image's
 * classpath (the compiled classes first, then the dependency jars in classpath order, as the JVM looks) and has, or
 * inherits, the {@code main} method the {@code java} launcher accepts. The class file is read with ASM, the library jib-core's
 * {@code MainClassFinder} reads classes with, and judged by the same rule: {@code public static void main(String[])};
 * for classes compiled for Java 25 or later also the launcher's other forms (JEP 512: a non-private {@code main}, static
 * or not, with or without the {@code String[]}).
 */
final class MainClassCheck {

    private static final int JAVA_25 = 69;
    private static final String WITH_ARGS = "([Ljava/lang/String;)V";
    private static final String WITHOUT_ARGS = "()V";

    private MainClassCheck() {
    }

    /**
     * Application classes that serve only when a command names what to run, here Dropwizard's ({@code server
     * config.yml}): started without one, they print their usage and exit, with status 0. Their internal names, then
     * the framework's.
     */
    private static final Map<String, String> COMMAND_LINE_APPLICATIONS = Map.of(
            "io/dropwizard/core/Application", "Dropwizard", "io/dropwizard/Application", "Dropwizard");

    /** @param from the base image: when its name says which Java it runs, a class compiled for a later one is refused */
    static void check(MainClass main, Path classesDirectory, List<Path> jars, String from) throws GantryException {
        String internalName = main.name().replace('.', '/');
        ClassFound found = read(internalName, main, classesDirectory, jars)
                .orElseThrow(() -> Refusals.mainClassNotInImage(main.name(), main.source(), classesDirectory.toString(),
                        jars.size()));
        MainMethodVisitor visitor = found.visitor();
        if (!internalName.equals(visitor.name)) {
            // a file system that ignores case found com/example/demoapplication.class for DemoApplication: the
            // container's, which does not, would not
            throw Refusals.mainClassNamedOtherwise(main.name(), main.source(), found.location(),
                    visitor.name.replace('/', '.'));
        }
        if (!hasMain(visitor, visitor.version, main, classesDirectory, jars)) {
            throw Refusals.noMainMethod(main.name(), main.source(), found.location());
        }
        int classJava = visitor.version - 44; // class file 61 is Java 17
        int baseJava = BaseJava.of(from);
        if (baseJava > 0 && classJava > baseJava) {
            throw Refusals.baseJavaTooOld(main.name(), classJava, visitor.version, from, baseJava);
        }
    }

    /**
     * The framework whose application the main class is, when that application starts only with a command on its
     * command line ({@link #COMMAND_LINE_APPLICATIONS}); empty for any other class, and when the class is not found
     * (which {@link #check} refuses). Reads the superclasses, as {@link #hasMain} does.
     */
    static Optional<String> needsACommand(MainClass main, Path classesDirectory, List<Path> jars) throws GantryException {
        String name = main.name().replace('.', '/');
        for (int depth = 0; depth < 64; depth++) {
            Optional<ClassFound> found = read(name, main, classesDirectory, jars);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            String superName = found.get().visitor().superName;
            if (superName == null || superName.startsWith("java/") || superName.startsWith("javax/")) {
                return Optional.empty();
            }
            if (COMMAND_LINE_APPLICATIONS.containsKey(superName)) {
                return Optional.of(COMMAND_LINE_APPLICATIONS.get(superName));
            }
            name = superName;
        }
        return Optional.empty();
    }

    /**
     * The launcher finds {@code main} with {@code Class.getMethod}, which sees the public methods a class inherits: a
     * {@code main} declared by a superclass in the image starts the subclass too. The JDK's own classes declare none.
     */
    private static boolean hasMain(MainMethodVisitor visitor, int mainClassVersion, MainClass main, Path classesDirectory,
            List<Path> jars) throws GantryException {
        MainMethodVisitor current = visitor;
        for (int depth = 0; depth < 64; depth++) {
            if (current.declaresMain(mainClassVersion)) {
                return true;
            }
            String superName = current.superName;
            if (superName == null || superName.startsWith("java/") || superName.startsWith("javax/")) {
                return false;
            }
            Optional<ClassFound> parent = read(superName, main, classesDirectory, jars);
            if (parent.isEmpty()) {
                return false;
            }
            current = parent.get().visitor();
        }
        return false;
    }

    /** A class file as the JVM finds it: the compiled classes first, then the dependency jars in classpath order. */
    private static Optional<ClassFound> read(String internalName, MainClass main, Path classesDirectory, List<Path> jars)
            throws GantryException {
        String entry = internalName + ".class";
        Path classFile = classesDirectory.resolve(entry);
        if (Files.isRegularFile(classFile)) {
            try (InputStream in = Files.newInputStream(classFile)) {
                return Optional.of(new ClassFound(visit(main, in, classFile.toString()), classFile.toString()));
            } catch (IOException e) {
                throw Refusals.unreadableClass(main.name(), classFile.toString(), e.getMessage());
            }
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                JarEntry found = file.getJarEntry(entry);
                if (found != null) {
                    String location = jar.getFileName().toString();
                    try (InputStream in = file.getInputStream(found)) {
                        return Optional.of(new ClassFound(visit(main, in, location), location));
                    }
                }
            } catch (IOException e) {
                throw Refusals.unreadableClass(main.name(), jar.toString(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static MainMethodVisitor visit(MainClass main, InputStream classFile, String location)
            throws IOException, GantryException {
        MainMethodVisitor visitor = new MainMethodVisitor();
        try {
            new ClassReader(classFile).accept(visitor, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // ASM's answer to a class file it cannot parse (corrupt, or newer than this ASM knows)
            throw Refusals.unreadableClass(main.name(), location, "not a class file ASM can read (" + e + ")");
        }
        return visitor;
    }

    private record ClassFound(MainMethodVisitor visitor, String location) {
    }

    /** The class's name, version, superclass and the {@code main} methods it declares. */
    private static final class MainMethodVisitor extends ClassVisitor {

        private int version;
        private String name;
        private String superName;
        private boolean publicStaticMain;
        private boolean otherMain;

        MainMethodVisitor() {
            super(Opcodes.ASM9);
        }

        /**
         * @param mainClassVersion the class file version of the class launched: the launcher's rules are its Java's, also
         *                         for a {@code main} it inherits
         */
        boolean declaresMain(int mainClassVersion) {
            return publicStaticMain || (mainClassVersion >= JAVA_25 && otherMain);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.version = version & 0xFFFF; // the low 16 bits are the major version; the high ones the minor
            this.name = name;
            this.superName = superName;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (!name.equals("main") || (access & Opcodes.ACC_PRIVATE) != 0) {
                return null;
            }
            boolean publicStatic = (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) != 0;
            if (publicStatic && descriptor.equals(WITH_ARGS)) {
                publicStaticMain = true;
            } else if (descriptor.equals(WITH_ARGS) || descriptor.equals(WITHOUT_ARGS)) {
                otherMain = true;
            }
            return null;
        }
    }
}
