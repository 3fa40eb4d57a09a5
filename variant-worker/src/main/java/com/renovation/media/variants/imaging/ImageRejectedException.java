package com.renovation.media.variants.imaging;

/**
 * The source can never be made into variants: unknown format, corrupt or truncated data, or
 * too many pixels. Retrying will not help; the message is a reason fit to show a person.
 */
public class ImageRejectedException extends RuntimeException {

    public ImageRejectedException(String reason) {
        super(reason);
    }

    public ImageRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
