package com.renovation.media.messaging.consumer;

/** Thrown by an effect when retrying cannot help: the event goes straight to the dead-letter topic. */
public class PermanentEventFailure extends RuntimeException {
    public PermanentEventFailure(String message) {
        super(message);
    }

    public PermanentEventFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
