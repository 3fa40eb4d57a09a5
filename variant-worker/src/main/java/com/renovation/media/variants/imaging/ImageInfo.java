package com.renovation.media.variants.imaging;

/** What the probe learnt from the bytes before decoding: the format and the EXIF orientation. */
public record ImageInfo(SourceFormat format, Orientation orientation) {
}
