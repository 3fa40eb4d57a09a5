package com.renovation.media.variants.video;

/**
 * The video can never be made into variants: unreadable, not the container it was declared as, more than one
 * video stream, too long, too large. Retrying will not help; the message is a reason fit to show a person.
 */
public class VideoRejectedException extends RuntimeException {

    public VideoRejectedException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
