package com.renovation.media.variants.video;

/**
 * ffmpeg or ffprobe failed: exited with an error, ran past its deadline or was aborted. {@link #reason()} says
 * which, with the tool's own last error line (file paths replaced), fit for a person.
 */
public class MediaToolException extends RuntimeException {

    private final boolean timedOut;
    private final boolean aborted;

    public MediaToolException(String reason, boolean timedOut, boolean aborted) {
        super(reason);
        this.timedOut = timedOut;
        this.aborted = aborted;
    }

    public String reason() {
        return getMessage();
    }

    public boolean timedOut() {
        return timedOut;
    }

    public boolean aborted() {
        return aborted;
    }
}
