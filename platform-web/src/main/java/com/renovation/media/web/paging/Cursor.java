package com.renovation.media.web.paging;

import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key of the last item of a page, as text parts. Keyset (not offset) paging
 * stays correct and fast while rows are added or removed between requests. Lists sorted by
 * (order, created, id) use {@link SortKey} on top of it.
 */
public record Cursor(List<String> parts) {

    public static Cursor of(Object... parts) {
        return new Cursor(Arrays.stream(parts).map(String::valueOf).toList());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Null or blank means "from the start"; otherwise it must have {@code size} parts. */
    public static Cursor decode(String value, int size) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split("\\|", -1));
            if (parts.size() != size) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return new Cursor(parts);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static ApiException invalid() {
        return new ApiException(ProblemKind.INVALID_CURSOR, "the cursor is not valid; start again without one");
    }
}
