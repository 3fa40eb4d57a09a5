package com.renovation.media.orders.service.notifications;

import java.time.Duration;

/** Exponential backoff: {@code base × 2^(attempt-1)}, capped. */
public final class Backoff {

    private Backoff() {
    }

    public static Duration exponential(Duration base, Duration max, int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }
}
