package com.renovation.media.assets.service;

import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key of the last item of a page. Keyset (not offset) paging stays correct
 * and fast while rows are added or removed between requests.
 */
public record Cursor(long order, Instant createdAt, UUID id) {

    public String encode() {
        String raw = order + "|" + createdAt.getEpochSecond() + "|" + createdAt.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null or blank means "from the start". */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split("\\|"));
            if (parts.size() != 4) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return new Cursor(Long.parseLong(parts.get(0)),
                    Instant.ofEpochSecond(Long.parseLong(parts.get(1)), Long.parseLong(parts.get(2))),
                    UUID.fromString(parts.get(3)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new ApiException(ProblemKind.INVALID_CURSOR, "the cursor is not valid; start again without one");
        }
    }
}
