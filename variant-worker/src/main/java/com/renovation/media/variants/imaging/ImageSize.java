package com.renovation.media.variants.imaging;

/** A width×height in pixels. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive: " + width + "×" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    public ImageSize transposed() {
        return new ImageSize(height, width);
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
