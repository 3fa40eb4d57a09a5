package com.renovation.media.web.paging;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * The keyset of lists sorted by (display order, creation time, id); lists without a display order use 0.
 * Creation time keeps its nanoseconds so rows created in the same millisecond still page apart.
 */
public record SortKey(long order, Instant createdAt, UUID id) {

    private static final int PARTS = 4;

    public String encode() {
        return Cursor.of(order, createdAt.getEpochSecond(), createdAt.getNano(), id).encode();
    }

    /** Null or blank means "from the start"; anything else that is not a sort key is a client error. */
    public static SortKey decode(String value) {
        Cursor cursor = Cursor.decode(value, PARTS);
        if (cursor == null) {
            return null;
        }
        try {
            return new SortKey(Long.parseLong(cursor.parts().get(0)),
                    Instant.ofEpochSecond(Long.parseLong(cursor.parts().get(1)), Long.parseLong(cursor.parts().get(2))),
                    UUID.fromString(cursor.parts().get(3)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw Cursor.invalid();
        }
    }
}
