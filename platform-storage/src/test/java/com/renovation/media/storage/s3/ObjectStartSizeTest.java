package com.renovation.media.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectStartSizeTest {

    @Test
    void theSizeIsTheContentRangesTotal() {
        assertThat(ObjectStore.sizeOf("bytes 0-65535/1048576", 65536L)).isEqualTo(1_048_576);
        assertThat(ObjectStore.sizeOf("bytes 0-699/700", 700L)).isEqualTo(700);
    }

    @Test
    void aWholeBodyWithoutContentRangeIsItsLength() {
        assertThat(ObjectStore.sizeOf(null, 700L)).isEqualTo(700);
        assertThat(ObjectStore.sizeOf("bytes 0-699/*", 700L)).isEqualTo(700);
    }

    @Test
    void neitherIsAnError() {
        assertThatThrownBy(() -> ObjectStore.sizeOf(null, null)).isInstanceOf(IllegalStateException.class);
    }
}
