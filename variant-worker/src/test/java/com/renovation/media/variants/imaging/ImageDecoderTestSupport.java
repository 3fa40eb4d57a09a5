package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/** Decodes a variant back through the production probe and decoder, full size. */
final class ImageDecoderTestSupport {

    private ImageDecoderTestSupport() {
    }

    static BufferedImage decodeWebp(byte[] webp) {
        return decodeAny(webp);
    }

    static BufferedImage decodeAny(byte[] bytes) {
        ImageInfo info = new ImageProbe().probe(bytes);
        return ImageDecoder.withoutSubsampling().decode(bytes, info, info.uprightSize()).upright();
    }
}
