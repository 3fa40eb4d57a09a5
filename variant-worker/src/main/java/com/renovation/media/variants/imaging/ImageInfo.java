package com.renovation.media.variants.imaging;

/** What the probe learnt from the header: format, stored size and EXIF orientation. */
public record ImageInfo(SourceFormat format, ImageSize storedSize, Orientation orientation) {

    /** The size as a person sees it, after the EXIF orientation is applied. */
    public ImageSize uprightSize() {
        return orientation.upright(storedSize);
    }
}
