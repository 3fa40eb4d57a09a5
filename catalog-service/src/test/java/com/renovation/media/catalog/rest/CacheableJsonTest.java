package com.renovation.media.catalog.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheableJsonTest {

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(CacheableJson.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(CacheableJson.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(CacheableJson.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(CacheableJson.matches("*", "\"abc\"")).isTrue();
        assertThat(CacheableJson.matches("\"abcd\"", "\"abc\"")).isFalse();
        assertThat(CacheableJson.matches(null, "\"abc\"")).isFalse();
    }
}
