package com.renovation.media.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import java.util.List;
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
}
