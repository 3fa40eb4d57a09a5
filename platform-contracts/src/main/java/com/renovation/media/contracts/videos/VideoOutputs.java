package com.renovation.media.contracts.videos;

/**
 * What a video becomes, named once for the worker that makes it and the services that show it: poster frames at
 * the image presets (variant types "thumbnail" and "optimized", formats jpeg and webp) and one web-playable MP4.
 */
public final class VideoOutputs {

    /** The variant type of the web-playable copy (H.264/AAC, at most 720 lines, faststart). */
    public static final String WEB_VARIANT = "web";
    /** Its format, as in {@code variant.ready}'s {@code format}. */
    public static final String WEB_FORMAT = "mp4";
    public static final String WEB_CONTENT_TYPE = "video/mp4";

    private VideoOutputs() {
    }
}
