package com.renovation.media.assets.service.links;

import com.renovation.media.assets.rest.dto.ShareView;
import java.util.List;

/** What one counted opening of a link answers, decided in its transaction and served after it. */
public sealed interface LinkDownload {

    /** A single file: a fresh signed URL of the original, as an attachment. */
    record Redirect(String url) implements LinkDownload {
    }

    /** Originals to stream as one ZIP, in the link's order. */
    record Zip(List<ZipSource> files) implements LinkDownload {
    }

    /** The items' previews. */
    record Share(ShareView view) implements LinkDownload {
    }
}
