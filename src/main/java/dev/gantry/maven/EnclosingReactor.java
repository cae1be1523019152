package dev.gantry.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The project a build started in a module's directory belongs to: {@code cd app && mvn deploy}, or
 * {@code mvn -f app/pom.xml deploy}, builds only {@code app}, and Maven then knows nothing of the reactor around it
 * (its session's "all projects" are that one). Found by walking up from the module's directory through the
 * {@code pom.xml} files above it, each read for its {@code <modules>} (Maven 4: {@code <subprojects>}).
 *
 * <p>Read with the JDK's DOM rather than Maven's model reader (which {@code PomVersion} reads a version with): Maven 4's
 * {@code <subprojects>} is no element of the 4.0.0 model that reader knows, and only the module list is wanted.
 */
final class EnclosingReactor {

    private EnclosingReactor() {
    }

    /**
     * The directory of the nearest POM above {@code moduleDir} that lists it (or a directory on the way to it) as a
     * module, or empty when none does. The walk stops at the first directory above without a {@code pom.xml}, and at
     * the git repository's root: a project around the repository (a workspace that aggregates several clones) is not
     * what the repository releases.
     */
    static Optional<Path> of(Path moduleDir) {
        Path module = moduleDir.toAbsolutePath().normalize();
        for (Path below = module, dir = module.getParent();
                dir != null && !Files.exists(below.resolve(".git")) && Files.isRegularFile(dir.resolve("pom.xml"));
                below = dir, dir = dir.getParent()) {
            if (listsModuleOn(dir, module)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean listsModuleOn(Path dir, Path module) {
        Element project;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            project = factory.newDocumentBuilder().parse(dir.resolve("pom.xml").toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return false; // not a POM Gantry can read: Maven would refuse it in a build started there
        }
        for (Node list = project.getFirstChild(); list != null; list = list.getNextSibling()) {
            if (list.getNodeName().equals("modules") || list.getNodeName().equals("subprojects")) {
                for (Node entry = list.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                    if (entry instanceof Element && !entry.getTextContent().isBlank()) {
                        Path listed = dir.resolve(entry.getTextContent().strip()).normalize();
                        // a module given as its POM file (app/pom.xml) is its directory
                        Path listedDir = listed.toString().endsWith(".xml") ? listed.getParent() : listed;
                        if (module.startsWith(listedDir)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
