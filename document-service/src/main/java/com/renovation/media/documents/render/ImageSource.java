package com.renovation.media.documents.render;

/**
 * Where a room report's images are read from, one at a time while the report is laid out, so a report never
 * holds more than the image it is placing. Blocking: the renderer runs on a worker thread.
 */
public interface ImageSource {

    /**
     * The object, if it exists and has at most {@code limit} bytes.
     *
     * @throws RenderFailure when the key must not be read for this document
     */
    Fetched fetch(String key, long limit);

    /** What a fetch found. */
    sealed interface Fetched {
    }

    record Found(byte[] bytes) implements Fetched {
    }

    /** Not there (deleted since the request), or larger than any image a report takes. */
    record Missing() implements Fetched {
    }

    /** There, but larger than the limit asked for. */
    record OverLimit(long size) implements Fetched {
    }
}
