package dev.gantry.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An artifact's {@code maven-metadata.xml} (groupId/artifactId level), as far as a release needs it: whether it lists a
 * version, and the same file with the version listed as Resolver's deploy lists it ({@code versions}, and
 * {@code release} (and a {@code latest} the file keeps) when no greater version is there, {@code lastUpdated}).
 * Everything else in the file is kept as it is.
 *
 * <p>Written with the JDK's DOM rather than Maven's metadata model: that model's reader and writer moved between Maven
 * 3.9 and 4, and Resolver's own metadata classes are not public. The file's format is Maven's, unchanged since 2.x.
 */
final class ReleaseListing {

    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private ReleaseListing() {
    }

    /** Whether the metadata lists the version; false for none (null) or a file that does not parse. */
    static boolean lists(byte[] metadata, String version) {
        if (metadata == null) {
            return false;
        }
        try {
            NodeList versions = parse(metadata).getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Node node = versions.item(i);
                if (node.getParentNode() != null && "versions".equals(node.getParentNode().getNodeName())
                        && version.equals(node.getTextContent().strip())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The metadata with the version listed.
     *
     * @param metadata the repository's file, or null when it has none (or one that does not parse: written anew)
     */
    static byte[] withVersion(byte[] metadata, String groupId, String artifactId, String version, Instant now)
            throws IOException {
        Document doc = null;
        if (metadata != null) {
            try {
                doc = parse(metadata);
            } catch (IOException unreadable) {
                doc = null;
            }
        }
        if (doc == null || !"metadata".equals(doc.getDocumentElement().getNodeName())) {
            doc = newDocument();
            Element root = doc.createElement("metadata");
            doc.appendChild(root);
            child(doc, root, "groupId").setTextContent(groupId);
            child(doc, root, "artifactId").setTextContent(artifactId);
        }
        Element versioning = child(doc, doc.getDocumentElement(), "versioning");
        Element versions = child(doc, versioning, "versions");
        ComparableVersion listed = new ComparableVersion(version);
        boolean greaterListed = false;
        NodeList present = versions.getElementsByTagName("version");
        for (int i = 0; i < present.getLength(); i++) {
            greaterListed |= new ComparableVersion(present.item(i).getTextContent().strip()).compareTo(listed) > 0;
        }
        versions.appendChild(doc.createElement("version")).setTextContent(version);
        if (!greaterListed) {
            // as Resolver writes a release's listing: release always, latest only where the file keeps one (plugins)
            existing(versioning, "latest").ifPresent(latest -> latest.setTextContent(version));
            child(doc, versioning, "release").setTextContent(version);
        }
        child(doc, versioning, "lastUpdated").setTextContent(LAST_UPDATED.format(now));
        return write(doc);
    }

    /** The element's first child of that name, created (at the end) when it has none. */
    private static Element child(Document doc, Element parent, String name) {
        return existing(parent, name).orElseGet(() -> (Element) parent.appendChild(doc.createElement(name)));
    }

    private static Optional<Element> existing(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getNodeName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a maven-metadata.xml: " + e.getMessage(), e);
        }
    }

    private static Document newDocument() throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static byte[] write(Document doc) throws IOException {
        doc.setXmlStandalone(true); // no standalone="no" in the declaration: Maven writes none
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
