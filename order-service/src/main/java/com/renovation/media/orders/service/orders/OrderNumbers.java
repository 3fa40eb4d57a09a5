package com.renovation.media.orders.service.orders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Order numbers: YYYYMMDD-NNNNNN, the UTC day and the order's rank on that day. */
public final class OrderNumbers {

    public static final int MAX_PER_DAY = 999_999;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private OrderNumbers() {
    }

    public static String format(LocalDate day, int rank) {
        if (rank < 1 || rank > MAX_PER_DAY) {
            throw new IllegalArgumentException("an order's rank in its day is 1.." + MAX_PER_DAY + ", not " + rank);
        }
        return day.format(DAY) + "-" + String.format("%06d", rank);
    }
}
