package com.renovation.media.variants.imaging;

import com.renovation.media.storage.filetype.HeifMeta;

/**
 * What the probe learnt from the bytes before decoding: the format and the EXIF orientation, and for HEIF what
 * its meta box says (null for other formats).
 */
public record ImageInfo(SourceFormat format, Orientation orientation, HeifMeta heif) {

    public ImageInfo(SourceFormat format, Orientation orientation) {
        this(format, orientation, null);
    }
}
