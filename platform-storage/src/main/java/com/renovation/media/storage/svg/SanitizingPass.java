package com.renovation.media.storage.svg;

import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One document read event by event: each element refused, dropped or written; a refusal ends the pass. */
final class SanitizingPass {

    private final XMLStreamReader reader;
    private final SvgLimits limits;
    private final SvgWriter writer = new SvgWriter();
    private int depth;
    private int elementsRead;
    private int elementsWritten;
    /** The depth of the element whose subtree is being dropped; 0 when writing. */
    private int droppingFrom;
    /** The text of the style element being read, checked as a whole once it ends (a comment may split it). */
    private StringBuilder styleText;
    private SvgSize size;

    SanitizingPass(XMLStreamReader reader, SvgLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    SanitizedSvg run() throws XMLStreamException {
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> startElement();
                case XMLStreamConstants.END_ELEMENT -> endElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
                case XMLStreamConstants.DTD ->
                        refuse(SvgRefusal.DOCTYPE, "a DOCTYPE (DTDs and entities are not accepted)");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        refuse(SvgRefusal.DOCTYPE, "the entity reference &" + reader.getLocalName() + ";");
                case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        refuse(SvgRefusal.PROCESSING_INSTRUCTION,
                                "the processing instruction <?" + reader.getPITarget());
                default -> {
                    // comments and the document's start and end: nothing to write
                }
            }
        }
        return new SanitizedSvg(writer.finish(), size.width(), size.height(), elementsWritten);
    }

    private void startElement() {
        depth++;
        elementsRead++;
        if (elementsRead > limits.maxElements()) {
            refuse(SvgRefusal.TOO_COMPLEX, "more than " + limits.maxElements() + " elements");
        }
        if (depth > limits.maxDepth()) {
            refuse(SvgRefusal.TOO_COMPLEX, "elements nested more than " + limits.maxDepth() + " deep");
        }
        String name = reader.getLocalName();
        String namespace = SvgVocabulary.elementNamespace(reader.getNamespaceURI());
        if (SvgVocabulary.isScript(name)) {
            refuse(SvgRefusal.SCRIPT, "the element <" + name + "> in " + namespace);
        }
        if (droppingFrom > 0) {
            return;
        }
        if (depth == 1 && !(name.equals("svg") && namespace.equals(SvgVocabulary.SVG))) {
            refuse(SvgRefusal.NOT_SVG, "the root element <" + name + "> in " + namespace + " is not an SVG <svg>");
        }
        if (styleText != null) {
            refuse(SvgRefusal.ELEMENT_NOT_ALLOWED, "the element <" + name + "> inside <style>");
        }
        if (SvgVocabulary.isForeignObject(name)) {
            refuse(SvgRefusal.FOREIGN_OBJECT, "the element <" + name + ">");
        }
        if (namespace.equals(SvgVocabulary.XHTML)) {
            refuse(SvgRefusal.ELEMENT_NOT_ALLOWED, "the XHTML element <" + name + ">");
        }
        if (SvgVocabulary.isEditorNamespace(namespace)) {
            droppingFrom = depth;
            return;
        }
        if (!namespace.equals(SvgVocabulary.SVG)) {
            refuse(SvgRefusal.ELEMENT_NOT_ALLOWED, "the element <" + name + "> in " + namespace);
        }
        checkAttributes(name);
        if (name.equals("metadata")) {
            droppingFrom = depth;
            return;
        }
        if (SvgVocabulary.ANIMATION_ELEMENTS.contains(name)) {
            refuse(SvgRefusal.ELEMENT_NOT_ALLOWED, "the animation element <" + name + ">");
        }
        if (!SvgVocabulary.DRAWING_ELEMENTS.contains(name)) {
            refuse(SvgRefusal.ELEMENT_NOT_ALLOWED, "the element <" + name + ">");
        }
        write(name);
    }

    /** Before the allow-list, so that an external image is refused as the external reference it is. */
    private void checkAttributes(String element) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if (SvgVocabulary.isEventHandler(name)) {
                refuse(SvgRefusal.EVENT_HANDLER, "the event handler " + name + " on <" + element + ">");
            }
            if (SvgVocabulary.isPing(name)
                    || SvgVocabulary.isLink(name) && !SvgReferences.isLocalFragment(value)) {
                refuse(SvgRefusal.EXTERNAL_REFERENCE, "the " + name + " \"" + SvgReferences.shorten(value)
                        + "\" on <" + element + "> (only links to #id inside the drawing are accepted)");
            }
            if (isKept(reader.getAttributeNamespace(i), name)) {
                Optional<SvgReferences.Problem> problem = SvgReferences.cssProblem(value);
                if (problem.isPresent()) {
                    refuse(problem.get().reason(), problem.get().what() + " in the " + name + " of <" + element
                            + "> (only url(#id) inside the drawing is accepted)");
                }
            }
        }
    }

    private void write(String name) {
        writer.startElement(name);
        elementsWritten++;
        String viewBox = null;
        String width = null;
        String height = null;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            String attribute = reader.getAttributeLocalName(i);
            if (!isKept(namespace, attribute)) {
                continue;
            }
            String value = reader.getAttributeValue(i);
            writer.attribute(namespace, attribute, value);
            if (namespace == null || namespace.isEmpty()) {
                switch (attribute) {
                    case "viewBox" -> viewBox = value;
                    case "width" -> width = value;
                    case "height" -> height = value;
                    default -> {
                        // only the root's size matters
                    }
                }
            }
        }
        if (depth == 1) {
            size = SvgSize.of(viewBox, width, height).orElseThrow(() -> refusal(SvgRefusal.NO_SIZE,
                    "the <svg> has neither a usable viewBox nor numeric width and height (each at most "
                            + (long) SvgSize.MAX_SIDE + ")"));
        }
        if (name.equals("style")) {
            styleText = new StringBuilder();
        }
    }

    private static boolean isKept(String namespace, String attribute) {
        if (namespace == null || namespace.isEmpty() || namespace.equals(SvgVocabulary.XLINK)) {
            return true;
        }
        return namespace.equals(SvgVocabulary.XML) && SvgVocabulary.XML_ATTRIBUTES.contains(attribute);
    }

    private void text() {
        if (depth == 0 || droppingFrom > 0) {
            return;
        }
        if (styleText != null) {
            styleText.append(reader.getText());
        } else {
            writer.text(reader.getText());
        }
    }

    private void endElement() {
        if (droppingFrom > 0) {
            if (depth == droppingFrom) {
                droppingFrom = 0;
            }
        } else {
            if (styleText != null) {
                String css = styleText.toString();
                styleText = null;
                SvgReferences.cssProblem(css).ifPresent(problem -> refuse(problem.reason(),
                        problem.what() + " in <style> (only url(#id) inside the drawing is accepted)"));
                writer.text(css);
            }
            writer.endElement(reader.getLocalName());
        }
        depth--;
    }

    private void refuse(SvgRefusal reason, String what) {
        throw refusal(reason, what);
    }

    private SvgRefusedException refusal(SvgRefusal reason, String what) {
        return new SvgRefusedException(reason, what + SvgParsing.where(reader.getLocation()));
    }
}
