package com.renovation.media.orders.service;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The waits between retries of everything order-service retries (jobs at the provider, mails, webhook
 * deliveries): {@code base × 2^(attempt-1)}, optionally capped, with ±20% jitter where many retries could otherwise
 * fall due together (jobs of one order, deliveries to a receiver that is recovering).
 */
public final class Backoff {

    static final double JITTER = 0.2;
    /** No cap: the exponent stops at 30 doublings. */
    private static final Duration UNCAPPED = Duration.ofDays(365 * 100);

    private Backoff() {
    }

    /** {@code base × 2^(attempt-1)} (attempt 1-based; 0 counts as 1), at most {@code max}. */
    public static Duration exponential(Duration base, Duration max, int attempt) {
        int doublings = Math.clamp(attempt - 1, 0, 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    /** {@code wait} ±20%: {@code random} answers in [0, 1): 0 → −20%, 0.5 → exact, towards 1 → +20%. */
    public static Duration withJitter(Duration wait, DoubleSupplier random) {
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
    }

    /** The wait before retry n+1 after attempt n failed, uncapped, with jitter. */
    public static Duration after(int attempt, Duration base, DoubleSupplier random) {
        return withJitter(exponential(base, UNCAPPED, attempt), random);
    }
}
