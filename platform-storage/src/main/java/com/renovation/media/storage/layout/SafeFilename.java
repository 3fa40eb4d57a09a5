package com.renovation.media.storage.layout;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A client's filename made harmless. {@code display} keeps the user's characters (for original_filename),
 * without path parts or control/format characters; {@code keyPart} is the ASCII-only form used inside an
 * object key.
 */
public record SafeFilename(String display, String keyPart) {

    public static final int MAX_DISPLAY_LENGTH = 255;
    public static final int MAX_KEY_PART_LENGTH = 100;

    /**
     * Cleans a client-supplied filename.
     *
     * @throws IllegalArgumentException when nothing usable remains (blank, only dots or separators)
     */
    public static SafeFilename of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("filename is required");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        // Path parts: whatever precedes the last separator of either platform.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder cleaned = new StringBuilder(name.length());
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(cleaned::appendCodePoint);
        String display = cleaned.toString().strip();
        while (display.startsWith(".")) {
            display = display.substring(1);
        }
        if (display.isBlank()) {
            throw new IllegalArgumentException("filename has no usable characters");
        }
        display = capKeepingExtension(display, MAX_DISPLAY_LENGTH);
        return new SafeFilename(display, keyPartOf(display));
    }

    private static String keyPartOf(String display) {
        String ascii = Normalizer.normalize(display, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = ascii.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_{2,}", "_").replaceAll("\\.{2,}", ".");
        key = key.replaceAll("^[._-]+", "");
        if (key.isEmpty() || key.startsWith(".")) {
            key = "file" + key;
        }
        return capKeepingExtension(key.toLowerCase(Locale.ROOT), MAX_KEY_PART_LENGTH);
    }

    private static String capKeepingExtension(String name, int max) {
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - ext.length());
        int keep = max - ext.codePointCount(0, ext.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)) + ext;
    }
}
