package com.renovation.media.orders.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The per-day counter of order numbers (order_number_days). */
@ApplicationScoped
public class OrderNumberRepository {

    /**
     * The next number of the day: an upsert that increments the day's row and answers the new value, taken in
     * the order's own transaction, so a rolled-back order's number is given again and concurrent orders queue on
     * the row (never the same number twice).
     */
    public Uni<Integer> next(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO order_number_days (day, last_number)"
                + " VALUES (:day, 1) ON CONFLICT (day) DO UPDATE SET last_number = order_number_days.last_number + 1"
                + " RETURNING last_number", Integer.class)
                .setParameter("day", day)
                .getSingleResult());
    }
}
