package com.renovation.media.storage.svg;

/** The SVG document is not accepted; {@link #getMessage()} says what and where, for the client. */
public class SvgRefusedException extends RuntimeException {

    private final SvgRefusal reason;

    public SvgRefusedException(SvgRefusal reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public SvgRefusal reason() {
        return reason;
    }
}
