package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/** Turns test pictures the way an EXIF orientation says the stored pixels must be turned to look upright. */
final class Turns {

    private Turns() {
    }

    static BufferedImage apply(Orientation orientation, BufferedImage stored) {
        int w = stored.getWidth();
        int h = stored.getHeight();
        ImageSize out = orientation.upright(new ImageSize(w, h));
        BufferedImage turned = new BufferedImage(out.width(), out.height(), BufferedImage.TYPE_INT_ARGB);
        for (int dy = 0; dy < out.height(); dy++) {
            for (int dx = 0; dx < out.width(); dx++) {
                int sx = switch (orientation) {
                    case NORMAL, MIRROR_VERTICAL -> dx;
                    case MIRROR_HORIZONTAL, ROTATE_180 -> w - 1 - dx;
                    case TRANSPOSE, ROTATE_90_CW -> dy;
                    case TRANSVERSE, ROTATE_270_CW -> w - 1 - dy;
                };
                int sy = switch (orientation) {
                    case NORMAL, MIRROR_HORIZONTAL -> dy;
                    case ROTATE_180, MIRROR_VERTICAL -> h - 1 - dy;
                    case TRANSPOSE, ROTATE_270_CW -> dx;
                    case ROTATE_90_CW, TRANSVERSE -> h - 1 - dx;
                };
                turned.setRGB(dx, dy, stored.getRGB(sx, sy));
            }
        }
        return opaque(turned, stored.getColorModel().hasAlpha());
    }

    /** The inverse turn: what a camera stores for an upright picture. */
    static BufferedImage stored(Orientation orientation, BufferedImage upright) {
        Orientation inverse = switch (orientation) {
            case ROTATE_90_CW -> Orientation.ROTATE_270_CW;
            case ROTATE_270_CW -> Orientation.ROTATE_90_CW;
            default -> orientation; // the others are their own inverse
        };
        return apply(inverse, upright);
    }

    private static BufferedImage opaque(BufferedImage argb, boolean keepAlpha) {
        if (keepAlpha) {
            return argb;
        }
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        return rgb;
    }
}
