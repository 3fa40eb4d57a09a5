package com.renovation.media.catalog.service.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a manifest and the files it names, from the classpath (the catalog shipped in the jar) or, with a
 * {@code file:} prefix, from a directory. Files resolve relative to the manifest.
 */
public final class SeedManifestLoader {

    // strict: a misspelt field in the manifest must fail rather than be ignored
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SeedManifestLoader() {
    }

    public static SeedBundle load(String location) {
        SeedManifest manifest = parse(read(location, location));
        Map<String, byte[]> files = new HashMap<>();
        if (manifest.styles() != null) {
            manifest.styles().stream().filter(s -> s.images() != null).flatMap(s -> s.images().stream())
                    .filter(i -> i.file() != null)
                    .forEach(i -> files.put(i.file(), read(location, resolve(location, i.file()))));
        }
        return new SeedBundle(manifest, files);
    }

    public static SeedManifest parse(byte[] json) {
        try {
            return JSON.readValue(json, SeedManifest.class);
        } catch (IOException e) {
            throw new SeedException("the seed manifest is not valid: " + e.getMessage());
        }
    }

    static String resolve(String manifestLocation, String file) {
        boolean onDisk = manifestLocation.startsWith("file:");
        String base = onDisk ? manifestLocation.substring("file:".length()) : manifestLocation;
        String resolved;
        try {
            resolved = URI.create(base).resolve(URI.create(file)).normalize().getPath();
        } catch (IllegalArgumentException e) {
            throw new SeedException("seed file " + file + " is not a relative path: " + e.getMessage());
        }
        if (resolved == null || resolved.startsWith("..")) {
            throw new SeedException("seed file " + file + " lies above the classpath root");
        }
        return onDisk ? "file:" + resolved : resolved;
    }

    private static byte[] read(String manifestLocation, String location) {
        try {
            if (location.startsWith("file:")) {
                Path path = Path.of(location.substring("file:".length()));
                if (!Files.isRegularFile(path)) {
                    throw new SeedException("seed file " + path + " does not exist");
                }
                return Files.readAllBytes(path);
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader.getResourceAsStream(location)) {
                if (in == null) {
                    throw new SeedException("seed resource " + location + " (of " + manifestLocation
                            + ") is not on the classpath");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
