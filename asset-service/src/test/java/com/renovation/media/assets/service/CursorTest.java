package com.renovation.media.assets.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        Cursor cursor = new Cursor(7, Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode(" ")).isNull();
    }

    @Test
    void forgedCursorsAreClientErrors() {
        assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.decode("bm90IGEgY3Vyc29y")).isInstanceOf(ApiException.class);
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
