package com.renovation.media.messaging.outbox;

import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.messaging.config.MessagingConfig;
import com.renovation.media.messaging.tracing.EventTracing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds events to this service's outbox inside the caller's Hibernate Reactive transaction: the event exists
 * if and only if the state change commits. The {@link OutboxRelay} publishes it afterwards, in the trace of the
 * transaction that wrote it ({@link EventTracing}).
 */
@ApplicationScoped
public class Outbox {

    private final MessagingConfig config;
    private final String insert;

    public Outbox(MessagingConfig config) {
        this.config = config;
        this.insert = "INSERT INTO " + config.schema() + ".outbox (id, topic, subject, payload, trace_parent) "
                // as text first: the driver would otherwise bind a Java String as a JSON string value
                + "VALUES (:id, :topic, :subject, cast(cast(:payload AS text) AS jsonb),"
                + " cast(:traceParent AS text))";
    }

    /** Must be called within {@code @WithTransaction} / {@code Panache.withTransaction}. */
    public Uni<EventEnvelope> add(EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.wrap(config.source(), payload);
        return Panache.getSession().chain(session -> {
            if (session.currentTransaction() == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.add outside a transaction would publish an event whose change may never commit"));
            }
            return session.createNativeQuery(insert)
                    .setParameter("id", envelope.id())
                    .setParameter("topic", payload.topic())
                    .setParameter("subject", envelope.subject())
                    .setParameter("payload", EventJson.write(envelope))
                    .setParameter("traceParent", EventTracing.currentTraceparent())
                    .executeUpdate();
        }).replaceWith(envelope);
    }
}
