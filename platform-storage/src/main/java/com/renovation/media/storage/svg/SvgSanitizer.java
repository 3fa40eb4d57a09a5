package com.renovation.media.storage.svg;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Accepts an SVG drawing only when it can do nothing but draw: no scripts, event handlers, DTDs or entities,
 * foreign content, animations, or references to anything outside the document; drops what drawing tools leave
 * behind (comments, metadata, editor namespaces) and writes the rest out normalised, so that a sanitised document
 * sanitises to itself. Thread-safe: one instance serves every caller.
 */
public final class SvgSanitizer {

    private final SvgLimits limits;
    private final SvgParsing parsing;

    public SvgSanitizer(SvgLimits limits) {
        this.limits = limits;
        this.parsing = new SvgParsing(limits);
    }

    /** The sanitised document, or {@link SvgRefusedException} naming what was refused and where. */
    public SanitizedSvg sanitize(byte[] input) {
        if (input.length > limits.maxBytes()) {
            throw tooLarge("the document is", input.length);
        }
        String text = SvgDecoding.text(input);
        SanitizedSvg sanitized;
        XMLStreamReader reader = null;
        try {
            reader = parsing.open(text);
            SvgDecoding.checkDeclared(reader.getCharacterEncodingScheme(), input);
            checkVersion(reader.getVersion());
            sanitized = new SanitizingPass(reader, limits).run();
        } catch (XMLStreamException e) {
            throw new SvgRefusedException(SvgRefusal.NOT_XML, SvgParsing.parserMessage(e));
        } finally {
            close(reader);
        }
        // the declaration and escaping can lengthen a document; what is kept must pass the same limit again
        if (sanitized.content().length > limits.maxBytes()) {
            throw tooLarge("normalised, the document is", sanitized.content().length);
        }
        return sanitized;
    }

    /** XML 1.1 admits control characters (&#1;) that the XML 1.0 the sanitiser writes cannot carry. */
    private static void checkVersion(String version) {
        if (version != null && !version.equals("1.0")) {
            throw new SvgRefusedException(SvgRefusal.NOT_XML,
                    "XML version " + SvgReferences.shorten(version) + " (only 1.0 is accepted), at line 1 column 1");
        }
    }

    private SvgRefusedException tooLarge(String what, int bytes) {
        return new SvgRefusedException(SvgRefusal.TOO_LARGE,
                what + " " + bytes + " bytes; at most " + limits.maxBytes() + " are accepted");
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing is held open: the reader reads a string
        }
    }
}
