package com.renovation.media.catalog.service.seed;

import java.util.Map;

/** A manifest with the bytes of every file it names, keyed by the entry's {@code file}. */
public record SeedBundle(SeedManifest manifest, Map<String, byte[]> files) {
}
