package com.renovation.media.catalog.service;

import com.renovation.media.web.problem.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The shapes of slugs, room types and tags, shared by the API and the seed manifest. */
public final class CatalogRules {

    public static final int MAX_TAGS = 30;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ROOM_TYPE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[a-z0-9]+([ _-][a-z0-9]+)*");

    private CatalogRules() {
    }

    public static String slug(String field, String value) {
        if (value == null || value.length() > 80 || !SLUG.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be lower-case letters and digits separated by single hyphens,"
                    + " at most 80 characters");
        }
        return value;
    }

    /** Null stays null (no room type). */
    public static String roomType(String field, String value) {
        if (value == null) {
            return null;
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 50 || !ROOM_TYPE.matcher(normalized).matches()) {
            throw ApiException.invalid(field, "must be lower-case letters and digits separated by underscores"
                    + " (e.g. living_room), at most 50 characters");
        }
        return normalized;
    }

    /** Lower-cased, stripped, without duplicates, in the given order. */
    public static List<String> tags(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : values) {
            String tag = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (tag.length() > 50 || !TAG.matcher(tag).matches()) {
                throw ApiException.invalid(field, "each tag must be 1-50 lower-case letters and digits, separated"
                        + " by single spaces, hyphens or underscores");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalid(field, "at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(tags);
    }

    /** Blank text becomes null; other text is stripped. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
