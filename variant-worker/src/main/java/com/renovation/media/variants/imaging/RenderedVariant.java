package com.renovation.media.variants.imaging;

/** One encoded variant. The bytes carry no metadata (no EXIF, GPS, XMP or ICC; sRGB implied). */
public record RenderedVariant(VariantPreset preset, VariantFormat format, int width, int height,
                              byte[] bytes, String contentType) {

    public RenderedVariant(VariantPreset preset, VariantFormat format, ImageSize size, byte[] bytes) {
        this(preset, format, size.width(), size.height(), bytes, format.contentType());
    }

    @Override
    public String toString() {
        return preset.name() + " " + format + " " + width + "×" + height + " (" + bytes.length + " bytes)";
    }
}
