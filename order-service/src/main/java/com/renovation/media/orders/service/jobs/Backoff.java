package com.renovation.media.orders.service.jobs;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The wait before retry n+1 after attempt n failed: base × 2^(n-1), ±20% jitter so retries of many jobs spread. */
public final class Backoff {

    static final double JITTER = 0.2;

    private Backoff() {
    }

    /** {@code random} answers in [0, 1): 0 → −20%, 0.5 → exact, towards 1 → +20%. */
    public static Duration after(int attempt, Duration base, DoubleSupplier random) {
        int exponent = Math.clamp(attempt - 1, 0, 20);
        double nominal = base.toMillis() * Math.pow(2, exponent);
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.round(nominal * factor));
    }
}
