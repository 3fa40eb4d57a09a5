package com.renovation.media.variants.video;

/**
 * The size of the web MP4: the displayed picture fitted to at most {@link #MAX_LINES} lines, never upscaled,
 * aspect kept, both sides even (H.264 in 4:2:0 needs them so) and at least 2.
 */
public record WebSize(int width, int height) {

    /** 720p: the height of the web copy at most. */
    public static final int MAX_LINES = 720;

    public static WebSize fit(int displayedWidth, int displayedHeight) {
        return fit(displayedWidth, displayedHeight, MAX_LINES);
    }

    public static WebSize fit(int displayedWidth, int displayedHeight, int maxLines) {
        if (displayedWidth <= 0 || displayedHeight <= 0 || maxLines < 2) {
            throw new IllegalArgumentException("no size fits " + displayedWidth + "×" + displayedHeight + " in "
                    + maxLines + " lines");
        }
        int height = even(Math.min(displayedHeight, maxLines));
        // the width the height's scale gives, to the nearest even number, but never beyond the source's own width
        long scaled = Math.round((double) displayedWidth * height / displayedHeight);
        int width = even((int) Math.min(displayedWidth, Math.max(2, roundToEven(scaled))));
        return new WebSize(width, height);
    }

    private static long roundToEven(long value) {
        return (value + 1) / 2 * 2;
    }

    /** Rounded down to an even number, at least 2. */
    private static int even(int value) {
        return Math.max(2, value - value % 2);
    }

    /** The ffmpeg filter that makes it from the (already turned upright) picture, with square pixels. */
    public String filter() {
        return "scale=" + width + ":" + height + ",setsar=1";
    }
}
