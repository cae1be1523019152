package dev.gantry.image;

import dev.gantry.release.GantryException;
import dev.gantry.release.Refusals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks, before anything is pushed or written, that the image can start its main class: the class is on the image's
 * classpath (the compiled classes first, then the dependency jars in classpath order, as the JVM looks) and has the
 * {@code main} method the {@code java} launcher accepts. The class file is read with ASM, the library jib-core's
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

    /** @param from the base image: when its name says which Java it runs, a class compiled for a later one is refused */
    static void check(MainClass main, Path classesDirectory, List<Path> jars, String from) throws GantryException {
        String entry = main.name().replace('.', '/') + ".class";
        Path classFile = classesDirectory.resolve(entry);
        if (Files.isRegularFile(classFile)) {
            try (InputStream in = Files.newInputStream(classFile)) {
                requireMainMethod(main, in, classFile.toString(), from);
            } catch (IOException e) {
                throw Refusals.unreadableClass(main.name(), classFile.toString(), e.getMessage());
            }
            return;
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                JarEntry found = file.getJarEntry(entry);
                if (found != null) {
                    try (InputStream in = file.getInputStream(found)) {
                        requireMainMethod(main, in, jar.getFileName().toString(), from);
                    }
                    return;
                }
            } catch (IOException e) {
                throw Refusals.unreadableClass(main.name(), jar.toString(), e.getMessage());
            }
        }
        throw Refusals.mainClassNotInImage(main.name(), main.source(), classesDirectory.toString(), jars.size());
    }

    private static void requireMainMethod(MainClass main, InputStream classFile, String location, String from)
            throws IOException, GantryException {
        MainMethodVisitor visitor = new MainMethodVisitor();
        try {
            new ClassReader(classFile).accept(visitor, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // ASM's answer to a class file it cannot parse (corrupt, or newer than this ASM knows)
            throw Refusals.unreadableClass(main.name(), location, "not a class file ASM can read (" + e + ")");
        }
        if (!main.name().replace('.', '/').equals(visitor.name)) {
            // a file system that ignores case found com/example/demoapplication.class for DemoApplication: the
            // container's, which does not, would not
            throw Refusals.mainClassNamedOtherwise(main.name(), main.source(), location, visitor.name.replace('/', '.'));
        }
        if (!visitor.found) {
            throw Refusals.noMainMethod(main.name(), main.source(), location);
        }
        int classJava = visitor.version - 44; // class file 61 is Java 17
        int baseJava = BaseJava.of(from);
        if (baseJava > 0 && classJava > baseJava) {
            throw Refusals.baseJavaTooOld(main.name(), classJava, visitor.version, from, baseJava);
        }
    }

    /** Looks for a launchable {@code main} among the class's own methods. */
    private static final class MainMethodVisitor extends ClassVisitor {

        private int version;
        private String name;
        private boolean found;

        MainMethodVisitor() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.version = version & 0xFFFF; // the low 16 bits are the major version; the high ones the minor
            this.name = name;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (!name.equals("main") || (access & Opcodes.ACC_PRIVATE) != 0) {
                return null;
            }
            boolean publicStatic = (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) != 0;
            if (publicStatic && descriptor.equals(WITH_ARGS)) {
                found = true;
            } else if (version >= JAVA_25 && (descriptor.equals(WITH_ARGS) || descriptor.equals(WITHOUT_ARGS))) {
                found = true;
            }
            return null;
        }
    }
}
