package com.renovation.media.storage.svg;

/** Why an SVG document was refused; the value is what a client reads in the problem's {@code reason}. */
public enum SvgRefusal {
    TOO_LARGE("too-large"),
    TOO_COMPLEX("too-complex"),
    NOT_XML("not-xml"),
    NOT_SVG("not-svg"),
    NO_SIZE("no-size"),
    DOCTYPE("doctype"),
    PROCESSING_INSTRUCTION("processing-instruction"),
    SCRIPT("script"),
    EVENT_HANDLER("event-handler"),
    FOREIGN_OBJECT("foreign-object"),
    EXTERNAL_REFERENCE("external-reference"),
    ELEMENT_NOT_ALLOWED("element-not-allowed");

    private final String value;

    SvgRefusal(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
