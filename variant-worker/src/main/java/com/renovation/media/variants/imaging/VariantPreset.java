package com.renovation.media.variants.imaging;

/**
 * A named variant size: the image is scaled down, aspect preserved, to fit within
 * maxWidth×maxHeight. Never scaled up: a smaller source keeps its size.
 */
public record VariantPreset(String name, int maxWidth, int maxHeight) {

    public VariantPreset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("preset name is required");
        }
        if (maxWidth <= 0 || maxHeight <= 0) {
            throw new IllegalArgumentException("preset box must be positive: " + maxWidth + "×" + maxHeight);
        }
    }

    /** The output size for an (upright) source of the given size. */
    public ImageSize fit(ImageSize source) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / source.width(), (double) maxHeight / source.height()));
        if (scale == 1.0) {
            return source;
        }
        // Rounded, but never past the box edge nor below one pixel.
        int width = clamp((int) Math.round(source.width() * scale), maxWidth);
        int height = clamp((int) Math.round(source.height() * scale), maxHeight);
        return new ImageSize(width, height);
    }

    private static int clamp(int value, int max) {
        return Math.max(1, Math.min(value, max));
    }
}
