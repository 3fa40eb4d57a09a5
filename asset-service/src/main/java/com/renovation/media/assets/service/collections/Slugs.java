package com.renovation.media.assets.service.collections;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A collection's public address: its name made readable in a URL, then 16 random base32 characters (80 bits)
 * so that an unlisted collection cannot be found by guessing or by knowing its name.
 */
final class Slugs {

    static final int MAX_NAME_PART = 60;
    static final int RANDOM_PART = 16;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {
    }

    static String of(String name) {
        return of(name, RANDOM);
    }

    static String of(String name, RandomGenerator random) {
        StringBuilder slug = new StringBuilder(readable(name));
        if (!slug.isEmpty()) {
            slug.append('-');
        }
        for (int i = 0; i < RANDOM_PART; i++) {
            slug.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return slug.toString();
    }

    /** "Küche & Bad!" → "kuche-bad": accents dropped, anything else outside a-z0-9 becomes one hyphen. */
    static String readable(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_NAME_PART) {
            slug = slug.substring(0, MAX_NAME_PART).replaceAll("-+$", "");
        }
        return slug;
    }
}
