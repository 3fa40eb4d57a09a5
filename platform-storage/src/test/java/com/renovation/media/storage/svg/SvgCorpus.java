package com.renovation.media.storage.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The test corpus files and an independent reading of what the sanitiser wrote. */
final class SvgCorpus {

    private SvgCorpus() {
    }

    static byte[] read(String path) {
        try (InputStream in = SvgCorpus.class.getResourceAsStream("/svg/" + path)) {
            assertThat(in).as("corpus file %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "{namespace}name" of every element, in document order; fails the test when the text is not well-formed. */
    static List<String> elements(String xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<String> names = new ArrayList<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    names.add("{" + reader.getNamespaceURI() + "}" + reader.getLocalName());
                }
            }
        } catch (XMLStreamException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + xml, e);
        }
        return names;
    }
}
