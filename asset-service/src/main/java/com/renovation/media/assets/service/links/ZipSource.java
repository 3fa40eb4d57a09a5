package com.renovation.media.assets.service.links;

import java.time.Instant;

/** One file of a ZIP download: the name it had when uploaded, where its bytes are, when it was made. */
public record ZipSource(String filename, String bucket, String key, Instant modified) {
}
