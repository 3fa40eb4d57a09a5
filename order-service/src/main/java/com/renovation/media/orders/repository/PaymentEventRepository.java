package com.renovation.media.orders.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PaymentEventRepository implements PanacheRepositoryBase<PaymentEventRecord, String> {

    /**
     * Records the event unless its id is already there; answers whether this call recorded it. Insert-if-absent
     * in one statement, so two deliveries of one event racing each other cannot both go on to apply it: the
     * second waits on the first's row and then finds it.
     */
    public Uni<Boolean> recordIfAbsent(String id, String type, UUID orderId) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO payment_events (id, type, order_id, outcome)"
                + " VALUES (:id, :type, :order, 'ignored') ON CONFLICT (id) DO NOTHING")
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("order", orderId)
                .executeUpdate()).map(n -> n == 1);
    }

    /** The outcome of the event this transaction recorded. */
    public Uni<Integer> setOutcome(String id, PaymentEventOutcome outcome, String detail) {
        return update("outcome = ?1, detail = ?2 where id = ?3", outcome, detail, id);
    }
}
