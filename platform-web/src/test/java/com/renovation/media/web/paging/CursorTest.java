package com.renovation.media.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsAndRefusesForeignValues() {
        Cursor cursor = Cursor.of(3, "modern-minimalist");
        assertThat(Cursor.decode(cursor.encode(), 2).parts()).isEqualTo(List.of("3", "modern-minimalist"));
        assertThat(Cursor.decode(null, 2)).isNull();
        assertThat(Cursor.decode(" ", 2)).isNull();
        assertThatThrownBy(() -> Cursor.decode(cursor.encode(), 4)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%", 2)).isInstanceOf(ApiException.class);
    }

    @Test
    void sortKeysRoundTripToTheNanosecond() {
        SortKey key = new SortKey(7, Instant.parse("2026-11-25T10:15:30.123456789Z"), UUID.randomUUID());
        assertThat(SortKey.decode(key.encode())).isEqualTo(key);
        assertThat(SortKey.decode(null)).isNull();
        assertThat(SortKey.decode(" ")).isNull();
    }

    @Test
    void forgedSortKeysAreClientErrors() {
        assertThatThrownBy(() -> SortKey.decode("%%%")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> SortKey.decode("bm90IGEgY3Vyc29y")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> SortKey.decode(Cursor.of("x", 1, 2, UUID.randomUUID()).encode()))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> SortKey.decode(Cursor.of(1, 1, 2, "not-a-uuid").encode()))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aPageKnowsWhetherMoreFollow() {
        Page<Integer> last = Page.of(List.of(1, 2), 2, i -> "c" + i, i -> i * 10);
        assertThat(last.items()).containsExactly(10, 20);
        assertThat(last.nextCursor()).isNull();
        Page<Integer> more = Page.of(List.of(1, 2, 3), 2, i -> "c" + i, i -> i * 10);
        assertThat(more.items()).containsExactly(10, 20);
        assertThat(more.nextCursor()).isEqualTo("c2");
    }
}
