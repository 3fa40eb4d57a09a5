package com.renovation.media.documents.render;

import java.awt.geom.Rectangle2D;

/** Where a drawing goes and how large a picture of it is: pure arithmetic, so it is tested on its own. */
public final class DrawingFit {

    private DrawingFit() {
    }

    /** A picture's size in whole pixels. */
    public record PixelSize(int width, int height) {
    }

    /**
     * The drawing ({@code width} × {@code height}) scaled, keeping its aspect, to the largest size that fits the
     * box, and centred in it: the spare room is shared equally on both sides.
     */
    public static Rectangle2D.Double fit(double width, double height, Rectangle2D box) {
        requireSize(width, height);
        double scale = Math.min(box.getWidth() / width, box.getHeight() / height);
        double w = width * scale;
        double h = height * scale;
        return new Rectangle2D.Double(box.getX() + (box.getWidth() - w) / 2, box.getY() + (box.getHeight() - h) / 2,
                w, h);
    }

    /**
     * A PNG export {@code requestedWidth} pixels wide with the drawing's aspect; when that would make it taller than
     * {@code maxSide}, both sides shrink by the same factor so it is not. Neither side is ever below one pixel.
     */
    public static PixelSize exportSize(double width, double height, int requestedWidth, int maxSide) {
        requireSize(width, height);
        if (requestedWidth < 1 || requestedWidth > maxSide) {
            throw new IllegalArgumentException("width " + requestedWidth + " is not within 1.." + maxSide);
        }
        double exactHeight = requestedWidth * height / width;
        if (exactHeight <= maxSide) {
            return new PixelSize(requestedWidth, atLeastOne(exactHeight));
        }
        return new PixelSize(atLeastOne(requestedWidth * maxSide / exactHeight), maxSide);
    }

    private static int atLeastOne(double pixels) {
        return (int) Math.max(1, Math.round(pixels));
    }

    /** @throws RenderFailure unless both sides are positive and finite */
    public static void requireSize(double width, double height) {
        if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height))) {
            throw new RenderFailure("the drawing has no usable size (" + width + " × " + height + ")");
        }
    }
}
