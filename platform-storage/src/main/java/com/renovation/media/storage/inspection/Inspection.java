package com.renovation.media.storage.inspection;

import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import java.util.Optional;

/** The verdict on an uploaded file. */
public sealed interface Inspection permits Inspection.Accepted, Inspection.Refused {

    /**
     * The file is of an allowed type, whole, within the limits and nothing but itself; {@code dimensions} as its
     * header states them (HEIC keeps them past the first bytes, so none for it).
     */
    record Accepted(FileType type, Optional<ImageHeader.Dimensions> dimensions, String sha256)
            implements Inspection {
    }

    /** Why the file must not be kept, worded for the uploader. */
    record Refused(String reason) implements Inspection {
    }
}
