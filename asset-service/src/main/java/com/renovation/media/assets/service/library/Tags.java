package com.renovation.media.assets.service.library;

import com.renovation.media.web.problem.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The one rule for the tags of library items and collections: at most 20, each 1–50 characters, lower case. */
public final class Tags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 50;

    private Tags() {
    }

    /** The tags trimmed, lower-cased and de-duplicated in their first order; 400 when one breaks the rule. */
    public static String[] normalize(String field, List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalid(field, "at most " + MAX_TAGS + " tags");
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        tags.forEach(tag -> normalized.add(one(field, tag)));
        return normalized.toArray(String[]::new);
    }

    /** One tag, as stored: also what a tag filter is compared with. */
    public static String one(String field, String tag) {
        String normalized = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < 1 || length > MAX_LENGTH || normalized.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(field, "each tag must be 1 to " + MAX_LENGTH
                    + " characters without control characters");
        }
        return normalized;
    }
}
