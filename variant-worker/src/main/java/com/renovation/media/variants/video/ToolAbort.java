package com.renovation.media.variants.video;

/**
 * Lets another thread stop the ffmpeg or ffprobe process of one job (its source was deleted, its lease was taken
 * by another worker): the process and its children are killed, and the run fails with the reason given.
 * Aborting before the process starts kills it as soon as it does.
 */
public final class ToolAbort {

    private Process process;
    private volatile String reason;

    public static ToolAbort none() {
        return new ToolAbort();
    }

    public synchronized void abort(String why) {
        if (reason != null) {
            return;
        }
        reason = why;
        if (process != null) {
            MediaProcess.killTree(process);
        }
    }

    public boolean aborted() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }

    synchronized void attach(Process started) {
        process = started;
        if (reason != null) {
            MediaProcess.killTree(started);
        }
    }

    synchronized void detach() {
        process = null;
    }
}
