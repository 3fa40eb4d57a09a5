package com.renovation.media.variants.imaging;

/**
 * One encoded variant. The bytes carry no metadata (no EXIF, GPS, XMP or ICC; sRGB implied). {@code quality} is
 * the quality (1–100) the encoder wrote it with, null for an encoder without a quality scale (see
 * {@link VariantEncoder#quality(VariantFormat)}).
 */
public record RenderedVariant(VariantPreset preset, VariantFormat format, int width, int height,
                              byte[] bytes, String contentType, Integer quality) {

    public RenderedVariant(VariantPreset preset, VariantFormat format, ImageSize size, byte[] bytes, Integer quality) {
        this(preset, format, size.width(), size.height(), bytes, format.contentType(), quality);
    }

    @Override
    public String toString() {
        return preset.name() + " " + format + " " + width + "×" + height + " (" + bytes.length + " bytes)";
    }
}
