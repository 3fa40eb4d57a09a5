package com.renovation.media.documents.render;

/** The request cannot be rendered as it is (bad content, a corrupt image): retrying will not help. */
public class RenderFailure extends RuntimeException {
    public RenderFailure(String message) {
        super(message);
    }

    public RenderFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
