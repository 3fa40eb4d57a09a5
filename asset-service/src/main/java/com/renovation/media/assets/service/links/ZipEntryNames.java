package com.renovation.media.assets.service.links;

import com.renovation.media.storage.layout.SafeFilename;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The entry names of one ZIP: each a plain file name that cannot escape the folder it is unpacked into (no path
 * separators, no {@code ..}, no control characters, none of the characters Windows refuses), and each different
 * from every earlier one ignoring case, as Windows' and macOS' file systems compare them: {@code a.jpg},
 * {@code a (2).jpg}, {@code a (3).jpg}.
 */
public final class ZipEntryNames {

    static final String FALLBACK = "file";

    private final Set<String> taken = new HashSet<>();

    /** A name for the next entry, from the file's name as it was uploaded. */
    public String next(String filename) {
        String name = sanitise(filename);
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = numbered(name, n);
        }
        return candidate;
    }

    static String sanitise(String filename) {
        String name;
        try {
            name = SafeFilename.of(filename).display(); // no path part, no control or format characters
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
        name = name.replaceAll("[\\\\/:*?\"<>|]", "_");
        while (name.contains("..")) {
            name = name.replace("..", ".");
        }
        name = name.replaceAll("[. ]+$", ""); // Windows drops trailing dots and spaces, merging names
        return name.isBlank() ? FALLBACK : name;
    }

    /** "a.jpg" → "a (2).jpg"; a name without an extension gets the number at its end. */
    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }
}
