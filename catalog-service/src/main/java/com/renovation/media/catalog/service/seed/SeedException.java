package com.renovation.media.catalog.service.seed;

/** The seed manifest or one of its files cannot be applied; nothing of the run is kept. */
public class SeedException extends RuntimeException {
    public SeedException(String message) {
        super(message, null, false, false);
    }
}
