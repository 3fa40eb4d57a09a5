package com.renovation.media.orders.service.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void taxIsOnTheSubtotalRoundedHalfUpToCents() {
        Pricing.Totals totals = Pricing.of(List.of(d("4.90"), d("4.90"), d("9.90")), d("0.20"));
        assertThat(totals.subtotal()).isEqualByComparingTo("19.70").hasToString("19.70");
        assertThat(totals.tax()).hasToString("3.94");
        assertThat(totals.total()).hasToString("23.64");
    }

    @Test
    void halfACentRoundsUp() {
        // 0.25 × 0.10 = 0.025 → 0.03 (half-up), where banker's rounding would give 0.02
        assertThat(Pricing.of(List.of(d("0.25")), d("0.10")).tax()).hasToString("0.03");
        // 0.05 × 0.10 = 0.005 → 0.01
        assertThat(Pricing.of(List.of(d("0.05")), d("0.10")).tax()).hasToString("0.01");
    }

    @Test
    void taxIsTakenOnceOnTheSumNotPerItem() {
        // per item 0.35 × 0.07 = 0.0245 → 0.02 each, 0.06 for three; on the subtotal 1.05 × 0.07 = 0.0735 → 0.07
        assertThat(Pricing.of(List.of(d("0.35"), d("0.35"), d("0.35")), d("0.07")).tax()).hasToString("0.07");
    }

    @Test
    void noTaxAndWholeAmountsKeepTwoDecimals() {
        Pricing.Totals totals = Pricing.of(List.of(d("5")), BigDecimal.ZERO);
        assertThat(totals.subtotal()).hasToString("5.00");
        assertThat(totals.tax()).hasToString("0.00");
        assertThat(totals.total()).hasToString("5.00");
    }

    @Test
    void aPriceFinerThanACentIsRefused() {
        assertThatThrownBy(() -> Pricing.cents(d("4.905"))).isInstanceOf(ArithmeticException.class);
    }
}
