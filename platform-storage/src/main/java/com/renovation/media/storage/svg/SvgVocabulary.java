package com.renovation.media.storage.svg;

import java.util.Locale;
import java.util.Set;

/** The namespaces and element names the sanitiser knows, and what it does with each. */
final class SvgVocabulary {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** What a drawing is made of; everything else in the SVG namespace is refused. */
    static final Set<String> DRAWING_ELEMENTS = Set.of(
            "svg", "g", "defs", "symbol", "use", "title", "desc", "a",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
            "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "style");

    /** Animations can rewrite any attribute (an href to javascript:) after the document was checked. */
    static final Set<String> ANIMATION_ELEMENTS = Set.of(
            "animate", "set", "animateMotion", "animateTransform", "animateColor", "discard", "mpath");

    /** Only these xml: attributes are kept; xml:base would turn a local #id into a reference elsewhere. */
    static final Set<String> XML_ATTRIBUTES = Set.of("space", "lang", "id");

    /** Namespaces drawing tools write their own bookkeeping in; renderers ignore them, so they are dropped. */
    private static final Set<String> EDITOR_NAMESPACES = Set.of(
            "http://www.inkscape.org/namespaces/inkscape",
            "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
            "http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://purl.org/dc/elements/1.1/",
            "http://purl.org/dc/terms/",
            "http://creativecommons.org/ns#",
            "http://web.resource.org/cc/",
            "http://www.bohemiancoding.com/sketch/ns",
            "http://www.serif.com/",
            "http://www.figma.com/figma/ns");

    private SvgVocabulary() {
    }

    static boolean isEditorNamespace(String namespace) {
        return EDITOR_NAMESPACES.contains(namespace) || namespace.startsWith("http://ns.adobe.com/");
    }

    /** Elements with no namespace are SVG (hand-written files often omit it). */
    static String elementNamespace(String namespace) {
        return namespace == null || namespace.isEmpty() ? SVG : namespace;
    }

    /**
     * Case-insensitive, because an SVG pasted into an HTML page is parsed by the HTML parser, which lower-cases
     * names: {@code <SCRIPT>} runs there.
     */
    static boolean isScript(String localName) {
        return localName.equalsIgnoreCase("script");
    }

    static boolean isForeignObject(String localName) {
        return localName.equalsIgnoreCase("foreignObject");
    }

    static boolean isEventHandler(String attributeLocalName) {
        return attributeLocalName.toLowerCase(Locale.ROOT).startsWith("on");
    }

    static boolean isLink(String attributeLocalName) {
        return attributeLocalName.equalsIgnoreCase("href");
    }

    /** {@code ping} makes the browser POST to its URLs when a link is followed. */
    static boolean isPing(String attributeLocalName) {
        return attributeLocalName.equalsIgnoreCase("ping");
    }
}
