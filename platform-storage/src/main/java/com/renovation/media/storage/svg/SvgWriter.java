package com.renovation.media.storage.svg;

import java.nio.charset.StandardCharsets;

/**
 * Writes the normalised document: UTF-8 with a declaration, SVG as the default namespace on the root, xlink declared
 * there only when an xlink attribute was written, attributes in the order given, empty elements self-closed, and
 * every character that a parser would read differently escaped — so the output sanitises to itself.
 */
final class SvgWriter {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder out = new StringBuilder(DECLARATION);
    private int namespaceDeclarationsEnd = -1;
    private boolean xlinkUsed;
    private boolean startTagOpen;

    void startElement(String name) {
        closeStartTag();
        out.append('<').append(name);
        if (namespaceDeclarationsEnd < 0) {
            out.append(" xmlns=\"").append(SvgVocabulary.SVG).append('"');
            namespaceDeclarationsEnd = out.length();
        }
        startTagOpen = true;
    }

    void attribute(String namespace, String localName, String value) {
        out.append(' ');
        if (SvgVocabulary.XLINK.equals(namespace)) {
            xlinkUsed = true;
            out.append("xlink:");
        } else if (SvgVocabulary.XML.equals(namespace)) {
            out.append("xml:");
        }
        out.append(localName).append("=\"");
        escape(value, true);
        out.append('"');
    }

    void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        closeStartTag();
        escape(text, false);
    }

    void endElement(String name) {
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
    }

    byte[] finish() {
        if (xlinkUsed) {
            out.insert(namespaceDeclarationsEnd, " xmlns:xlink=\"" + SvgVocabulary.XLINK + '"');
        }
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A parser turns a literal tab or line break in an attribute into a space and a carriage return in text into a
     * line feed, so those are written as character references.
     */
    private void escape(String value, boolean inAttribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(inAttribute ? "&quot;" : "\"");
                case '\t' -> out.append(inAttribute ? "&#9;" : "\t");
                case '\n' -> out.append(inAttribute ? "&#10;" : "\n");
                default -> out.append(c);
            }
        }
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
        }
    }
}
