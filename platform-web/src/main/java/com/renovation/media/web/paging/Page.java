package com.renovation.media.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, nextCursor}}; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only tells that another page exists. */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, String> cursorOf, Function<E, T> view) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        return new Page<>(rows.stream().map(view).toList(), more ? cursorOf.apply(rows.get(rows.size() - 1)) : null);
    }
}
