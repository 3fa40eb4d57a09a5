package com.renovation.media.orders.service.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void theDayThenTheRankInSixDigits() {
        assertThat(OrderNumbers.format(LocalDate.of(2025, 3, 7), 1)).isEqualTo("20250307-000001");
        assertThat(OrderNumbers.format(LocalDate.of(2025, 12, 31), 999_999)).isEqualTo("20251231-999999");
    }

    @Test
    void aRankOutsideTheDaysRangeIsRefused() {
        assertThatThrownBy(() -> OrderNumbers.format(LocalDate.of(2025, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderNumbers.format(LocalDate.of(2025, 1, 1), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
