package com.renovation.media.variants.service.video;

import com.renovation.media.variants.repository.TranscodeJob;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.video.ProgressSteps;
import com.renovation.media.variants.video.ToolAbort;
import com.renovation.media.variants.video.WebCopy;
import com.renovation.media.variants.video.WebSize;
import java.util.UUID;

/**
 * One claimed job as its transcode slot works on it: the job as claimed, the claim that must still be held for
 * anything to be recorded, the progress announced so far, and why it was stopped, if it was.
 */
public final class TranscodeRun {

    /** Why a run was stopped from outside its own steps. */
    enum Stop {
        /** The video (or its session) was deleted: nothing of it may stay. */
        DELETED,
        /** The lease ran out and another worker holds the job now: that one records it. */
        TAKEN_OVER,
        /** This replica is shutting down: the job goes back, its attempt not counted. */
        SHUTDOWN
    }

    static final int PROGRESS_STEP = 10;

    private final TranscodeJob job;
    private final UUID claim;
    private final ToolAbort abort = new ToolAbort();
    private final ProgressSteps steps = new ProgressSteps(PROGRESS_STEP);
    private volatile Stop stop;
    private volatile long lastRenewal = System.nanoTime();

    TranscodeRun(TranscodeJob job, UUID claim) {
        this.job = job;
        this.claim = claim;
    }

    public TranscodeJob job() {
        return job;
    }

    public UUID claim() {
        return claim;
    }

    public SourceImage source() {
        return new SourceImage(job.sourceKind, job.sourceId,
                job.sessionId, job.sourceBucket, job.sourcePath, job.sourceType);
    }

    public WebCopy copy() {
        return new WebCopy(job.videoStream, job.audioStream, job.durationSeconds, WebSize.fit(job.width, job.height));
    }

    ToolAbort abort() {
        return abort;
    }

    ProgressSteps steps() {
        return steps;
    }

    /** Kills the run's ffmpeg, if any, and remembers why. The first reason given stays. */
    void stop(Stop why) {
        synchronized (this) {
            if (stop == null) {
                stop = why;
            }
        }
        abort.abort(switch (stop) {
            case DELETED -> "the video was deleted";
            case TAKEN_OVER -> "another worker took the job over";
            case SHUTDOWN -> "the worker is stopping";
        });
    }

    Stop stopped() {
        return stop;
    }

    void renewed() {
        lastRenewal = System.nanoTime();
    }

    long nanosSinceRenewal() {
        return System.nanoTime() - lastRenewal;
    }

    @Override
    public String toString() {
        return "transcode of " + job.sourceId + " (attempt " + job.attempts + ")";
    }
}
