package com.renovation.media.variants.video;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The video containers accepted, by the content type {@code asset.confirmed} names (asset-service sniffed it from
 * the bytes): the one place the worker tells a video from an image. Each names the ffmpeg demuxer that must read
 * it (forced, so ffprobe never guesses another format from hostile bytes), the token ffprobe's
 * {@code format_name} must carry, and, for WebM, the only codecs the format allows.
 */
public enum VideoContainer {
    MP4("video/mp4", "MP4", "mov", "mp4", Set.of(), Set.of()),
    QUICKTIME("video/quicktime", "QuickTime", "mov", "mov", Set.of(), Set.of()),
    WEBM("video/webm", "WebM", "matroska", "webm", Set.of("vp8", "vp9", "av1"), Set.of("vorbis", "opus"));

    private final String contentType;
    private final String label;
    private final String demuxer;
    private final String formatToken;
    private final Set<String> videoCodecs;
    private final Set<String> audioCodecs;

    VideoContainer(String contentType, String label, String demuxer, String formatToken, Set<String> videoCodecs,
            Set<String> audioCodecs) {
        this.contentType = contentType;
        this.label = label;
        this.demuxer = demuxer;
        this.formatToken = formatToken;
        this.videoCodecs = videoCodecs;
        this.audioCodecs = audioCodecs;
    }

    /** The container of a declared content type (parameters and case ignored), empty for anything else. */
    public static Optional<VideoContainer> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (VideoContainer container : values()) {
            if (container.contentType.equals(type)) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }

    public static boolean isVideo(String contentType) {
        return of(contentType).isPresent();
    }

    public String contentType() {
        return contentType;
    }

    /** How a person calls it, in refusal reasons. */
    public String label() {
        return label;
    }

    /** The ffmpeg demuxer forced with {@code -f}. */
    public String demuxer() {
        return demuxer;
    }

    /** Whether ffprobe's {@code format_name} (a comma-separated list of names) is this container's family. */
    public boolean matchesFormat(String formatName) {
        if (formatName == null) {
            return false;
        }
        for (String name : formatName.split(",")) {
            if (name.strip().equals(formatToken)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the container may carry this video codec (any, unless the format restricts it). */
    public boolean allowsVideo(String codec) {
        return videoCodecs.isEmpty() || videoCodecs.contains(codec);
    }

    /** Whether the container may carry this audio codec (any, unless the format restricts it). */
    public boolean allowsAudio(String codec) {
        return audioCodecs.isEmpty() || audioCodecs.contains(codec);
    }
}
