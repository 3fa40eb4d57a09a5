package com.renovation.media.storage.svg;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader that cannot be made to fetch or expand anything: no DTD, no external entities, a resolver that
 * refuses, and the JDK's own limits as a second line behind the sanitiser's counts.
 */
final class SvgParsing {

    private static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    private static final String TOTAL_ENTITY_SIZE_LIMIT = "jdk.xml.totalEntitySizeLimit";
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    private final SvgLimits limits;

    SvgParsing(SvgLimits limits) {
        this.limits = limits;
    }

    /** A factory per document: the JDK does not promise that one factory may create readers on many threads. */
    XMLStreamReader open(String text) throws XMLStreamException {
        return factory().createXMLStreamReader(new StringReader(text));
    }

    private XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        factory.setProperty(ENTITY_EXPANSION_LIMIT, "1");
        // &amp; and &#65; count towards this one, and each takes at least 4 bytes of the document
        factory.setProperty(TOTAL_ENTITY_SIZE_LIMIT, Integer.toString(limits.maxBytes()));
        // one deeper than the sanitiser's own check, so that the sanitiser's clearer refusal comes first
        factory.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(limits.maxDepth() + 1));
        return factory;
    }

    static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return ", at line " + location.getLineNumber() + " column " + location.getColumnNumber();
    }

    /** The parser's own words, without the "ParseError at [row,col]" prefix it puts before them. */
    static String parserMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int marker = message.indexOf("Message: ");
        String plain = marker < 0 ? message : message.substring(marker + "Message: ".length());
        return "malformed XML: " + plain.strip() + where(e.getLocation());
    }
}
