package com.renovation.media.variants.video;

/** A video that passed {@link VideoLimits}: its playing time, its one video track and its audio (null: silent). */
public record AcceptedVideo(double durationSeconds, ProbedVideo.VideoTrack video, ProbedVideo.AudioTrack audio) {

    /** Where the poster frame is taken: one second in, or half-way through a shorter video. */
    public double posterSeconds() {
        return Math.min(1.0, durationSeconds / 2);
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
