package com.renovation.media.variants.imaging.vips;

/** libvips refused an operation on an image, with the reason from its error buffer. */
public final class VipsException extends RuntimeException {

    public VipsException(String message) {
        super(message);
    }
}
