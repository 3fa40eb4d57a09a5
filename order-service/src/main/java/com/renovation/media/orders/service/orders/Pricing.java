package com.renovation.media.orders.service.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Money of an order: the items' prices add up to the subtotal; tax is on the subtotal, half-up to cents. */
public final class Pricing {

    private Pricing() {
    }

    public record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    public static Totals of(List<BigDecimal> prices, BigDecimal taxRate) {
        BigDecimal subtotal = prices.stream().map(Pricing::cents).reduce(cents(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal tax = subtotal.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        return new Totals(subtotal, tax, subtotal.add(tax));
    }

    /** An amount with exactly two decimals (the columns' scale); a configured price finer than a cent is refused. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
