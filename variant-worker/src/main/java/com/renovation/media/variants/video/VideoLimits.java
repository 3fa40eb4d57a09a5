package com.renovation.media.variants.video;

import java.time.Duration;
import java.util.Locale;

/**
 * What a video must satisfy before any frame of it is decoded: the declared container, exactly one video
 * stream, a known duration within {@code maxDuration}, and a picture within {@code maxPixels}.
 */
public record VideoLimits(Duration maxDuration, long maxPixels) {

    /**
     * The accepted video, or the reason it is refused.
     *
     * @throws VideoRejectedException the video can never be processed
     */
    public AcceptedVideo check(VideoContainer declared, ProbedVideo probed) {
        if (!declared.matchesFormat(probed.formatName())) {
            throw new VideoRejectedException("the file is " + (probed.formatName() == null ? "of no known format"
                    : "a " + probed.formatName() + " file") + ", not the declared " + declared.label());
        }
        if (probed.videoTracks().isEmpty()) {
            throw new VideoRejectedException("the file has no video stream");
        }
        if (probed.videoTracks().size() > 1) {
            throw new VideoRejectedException("the file has " + probed.videoTracks().size()
                    + " video streams; only one is accepted");
        }
        ProbedVideo.VideoTrack video = probed.videoTracks().get(0);
        if (!declared.allowsVideo(video.codec())) {
            throw new VideoRejectedException("a " + declared.label() + " file cannot carry " + video.codec() + " video");
        }
        ProbedVideo.AudioTrack audio = probed.audio();
        if (audio != null && !declared.allowsAudio(audio.codec())) {
            throw new VideoRejectedException("a " + declared.label() + " file cannot carry " + audio.codec() + " audio");
        }
        if (probed.durationSeconds().isEmpty()) {
            throw new VideoRejectedException("the video states no duration");
        }
        double seconds = probed.durationSeconds().getAsDouble();
        if (seconds > maxDuration.toMillis() / 1000.0) {
            throw new VideoRejectedException("the video is " + clock(seconds) + " long, above the "
                    + clock(maxDuration.toMillis() / 1000.0) + " limit");
        }
        if (video.storedWidth() <= 0 || video.storedHeight() <= 0) {
            throw new VideoRejectedException("the video stream states no picture size");
        }
        long stored = (long) video.storedWidth() * video.storedHeight();
        long displayed = (long) video.displayedWidth() * video.displayedHeight();
        if (Math.max(stored, displayed) > maxPixels) {
            throw new VideoRejectedException("the picture is " + video.displayedWidth() + "×" + video.displayedHeight()
                    + ", above the " + megapixels(maxPixels) + " limit");
        }
        return new AcceptedVideo(seconds, video, audio);
    }

    /** "12:05" (minutes and seconds; under a minute "0:07"); fractions are rounded up, so nothing above reads as the limit. */
    static String clock(double seconds) {
        long whole = (long) Math.ceil(seconds - 1e-9);
        return (whole / 60) + ":" + String.format(Locale.ROOT, "%02d", whole % 60);
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? pixels / 1_000_000 + " MP" : String.format(Locale.ROOT, "%.1f MP", pixels / 1e6);
    }
}
