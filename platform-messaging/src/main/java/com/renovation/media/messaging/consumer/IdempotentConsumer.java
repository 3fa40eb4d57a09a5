package com.renovation.media.messaging.consumer;

import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.MalformedEventException;
import com.renovation.media.messaging.config.MessagingConfig;
import com.renovation.media.messaging.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an event's effect at most once per consumer: the effect and the record of the event id commit in one
 * transaction, so a redelivered event is skipped. Transient failures are retried with exponential backoff;
 * a malformed record, a {@link PermanentEventFailure} or an effect still failing after the configured attempts
 * is nacked with its reason, which the channel's {@code dead-letter-queue} failure strategy sends to the
 * dead-letter topic, and the consumer goes on with the next record.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final MessagingConfig config;
    private final MeterRegistry registry;
    private final EventTracing tracing;
    private final String claim;
    private final String claimAll;
    private final String recorded;

    public IdempotentConsumer(MessagingConfig config, MeterRegistry registry, EventTracing tracing) {
        this.config = config;
        this.registry = registry;
        this.tracing = tracing;
        this.claim = "INSERT INTO " + config.schema() + ".processed_events (event_id, consumer) VALUES (:id, :consumer)"
                + " ON CONFLICT DO NOTHING";
        // a batch's ids in one statement, as one text (no array binding); the ids it did not hold already come back
        this.claimAll = "INSERT INTO " + config.schema() + ".processed_events (event_id, consumer)"
                + " SELECT DISTINCT CAST(id AS uuid), :consumer FROM unnest(string_to_array(:ids, ',')) AS id"
                + " ON CONFLICT DO NOTHING RETURNING CAST(event_id AS text)";
        this.recorded = "SELECT count(*) FROM " + config.schema() + ".processed_events"
                + " WHERE event_id = :id AND consumer = :consumer";
    }

    /**
     * Reads the record as an event of {@code type} and runs {@code effect} inside a transaction, once.
     *
     * @param consumer the name the processed ids are recorded under (usually the channel name)
     */
    public <T> Uni<Void> process(Message<String> message, String consumer, Class<T> type,
            Function<Event<T>, Uni<?>> effect) {
        return attempt(message, consumer, type, event -> applyOnce(event, consumer, effect));
    }

    /**
     * As {@link #process(Message, String, Class, Function)}, for a topic that carries events of other services'
     * objects too (variant events of assets and of style images): an event this service is not {@code
     * concerned} with is acknowledged at once, with no transaction and nothing recorded (the test is pure, so a
     * redelivery comes to the same answer).
     */
    public <T> Uni<Void> process(Message<String> message, String consumer, Class<T> type,
            Predicate<T> concerned, Function<Event<T>, Uni<?>> effect) {
        return attempt(message, consumer, type, event -> {
            if (!concerned.test(event.data())) {
                registry.counter("events.consumed", "consumer", consumer, "outcome", "not-concerned").increment();
                return Uni.createFrom().item(false);
            }
            return applyOnce(event, consumer, effect);
        });
    }

    /**
     * As {@link #process(Message, String, Class, Function)} for an effect with object-storage or CPU work that
     * must not hold a transaction open: {@code prepare} runs first, outside any transaction, and what it yields
     * is handed to {@code effect}, which runs in the transaction that records the event. An attempt that fails
     * anywhere is retried whole, so {@code prepare} must be safe to repeat; an event already recorded skips it.
     */
    public <T, P> Uni<Void> process(Message<String> message, String consumer, Class<T> type,
            Function<Event<T>, Uni<P>> prepare, BiFunction<Event<T>, P, Uni<?>> effect) {
        return attempt(message, consumer, type, event -> isRecorded(event, consumer).chain(recorded -> {
            if (recorded) {
                skipped(event, consumer);
                return Uni.createFrom().item(false);
            }
            return prepare.apply(event).chain(prepared -> applyOnce(event, consumer, e -> effect.apply(e, prepared)));
        }));
    }

    /**
     * As {@link #process(Message, String, Class, Predicate, Function)} for the records of one poll (a channel
     * with {@code batch=true}), each acknowledged on its own: the effects of the events this consumer is concerned
     * with apply in one transaction, in order, each at most once. A topic whose events come in bursts (a
     * source's variants, made and announced together) then costs one transaction per burst instead of one per
     * event. When that transaction fails, its events are applied again one by one, each with the retries and
     * dead-letter of a single record, so one bad event neither holds back nor dead-letters the others.
     */
    public <T> Uni<Void> processBatch(List<? extends Message<String>> records, String consumer, Class<T> type,
            Predicate<T> concerned, Function<Event<T>, Uni<?>> effect) {
        List<Message<String>> messages = new ArrayList<>();
        List<Event<T>> events = new ArrayList<>();
        Uni<Void> settled = Uni.createFrom().voidItem();
        for (Message<String> message : records) {
            Event<T> event;
            try {
                event = EventJson.read(message.getPayload(), type);
            } catch (MalformedEventException e) {
                settled = settled.chain(() -> reject(message, consumer, e));
                continue;
            }
            delay(event, consumer);
            if (!concerned.test(event.data())) {
                registry.counter("events.consumed", "consumer", consumer, "outcome", "not-concerned").increment();
                settled = settled.chain(() -> Uni.createFrom().completionStage(message.ack()));
                continue;
            }
            messages.add(message);
            events.add(event);
        }
        if (events.isEmpty()) {
            return settled;
        }
        return settled.chain(() -> onOwnContext(() -> tracing.consume(messages, consumer,
                () -> applyTogether(messages, events, consumer, effect))));
    }

    /**
     * Runs on a fresh duplicated Vert.x context flagged safe for Hibernate Reactive: a batch is not always handed
     * over on one (a single record is), nor is what follows a failed transaction, and each transaction must have
     * a session of its own.
     */
    private static Uni<Void> onOwnContext(Supplier<Uni<Void>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().deferred(work::get);
        }
        Context own = VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().deferred(work::get).runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
    }

    private <T> Uni<Void> applyTogether(List<Message<String>> messages, List<Event<T>> events, String consumer,
            Function<Event<T>, Uni<?>> effect) {
        return timed(consumer, Panache.withTransaction(() -> claimAll(events, consumer)
                        .chain(claimed -> applyClaimed(events, 0, claimed, consumer, effect))))
                .chain(() -> Uni.join().all(messages.stream().map(m -> Uni.createFrom().completionStage(m.ack())).toList())
                        .andCollectFailures().replaceWithVoid())
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("%s: a batch of %d failed (%s): applying its events one by one", consumer, events.size(),
                            failure.getMessage());
                    Uni<Void> oneByOne = Uni.createFrom().voidItem();
                    for (int i = 0; i < events.size(); i++) {
                        Message<String> message = messages.get(i);
                        Event<T> event = events.get(i);
                        oneByOne = oneByOne.chain(() -> onOwnContext(() -> tracing.consume(message, consumer,
                                () -> attempt(message, event, consumer, e -> applyOnce(e, consumer, effect)))));
                    }
                    return oneByOne;
                });
    }

    /** Inside the batch's transaction: records every event's id at once; answers those not recorded before. */
    private <T> Uni<Set<String>> claimAll(List<Event<T>> events, String consumer) {
        String ids = String.join(",", events.stream().map(event -> event.id().toString()).toList());
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(claimAll, String.class)
                        .setParameter("ids", ids)
                        .setParameter("consumer", consumer)
                        .getResultList())
                .map(HashSet::new);
    }

    /**
     * The effects of the claimed events, in order; an event claimed by an earlier transaction, or met twice in
     * the batch (the relay publishes at least once), is skipped.
     */
    private <T> Uni<Void> applyClaimed(List<Event<T>> events, int from, Set<String> claimed, String consumer,
            Function<Event<T>, Uni<?>> effect) {
        if (from == events.size()) {
            return Uni.createFrom().voidItem();
        }
        Event<T> event = events.get(from);
        Uni<Void> applied;
        if (claimed.remove(event.id().toString())) {
            applied = effect.apply(event).invoke(() -> registry.counter("events.consumed", "consumer", consumer,
                    "outcome", "applied").increment()).replaceWithVoid();
        } else {
            skipped(event, consumer);
            applied = Uni.createFrom().voidItem();
        }
        return applied.chain(() -> applyClaimed(events, from + 1, claimed, consumer, effect));
    }

    private <T> Uni<Void> attempt(Message<String> message, String consumer, Class<T> type,
            Function<Event<T>, Uni<Boolean>> once) {
        return tracing.consume(message, consumer, () -> {
            Event<T> event;
            try {
                event = EventJson.read(message.getPayload(), type);
            } catch (MalformedEventException e) {
                return reject(message, consumer, e);
            }
            delay(event, consumer);
            return attempt(message, event, consumer, once);
        });
    }

    private <T> Uni<Void> attempt(Message<String> message, Event<T> event, String consumer,
            Function<Event<T>, Uni<Boolean>> once) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> once.apply(event))
                // retries resubscribe after a timer: bring them back onto the Vert.x context Hibernate needs
                .runSubscriptionOn(task -> runOn(context, task))
                .onFailure(failure -> !(failure instanceof PermanentEventFailure))
                .retry().withBackOff(config.consumer().initialBackoff(), config.consumer().maxBackoff())
                .atMost(Math.max(0, config.consumer().maxAttempts() - 1))
                .onItemOrFailure().transformToUni((applied, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : reject(message, consumer, failure));
    }

    /**
     * How long after its producer's transaction the event reached this consumer (relay, Kafka, fetch): the
     * hops an operator watches for a consumer falling behind. Producer and consumer clocks must agree.
     */
    private void delay(Event<?> event, String consumer) {
        if (event.time() != null) {
            long millis = Math.max(0, Duration.between(event.time(), Instant.now()).toMillis());
            registry.timer("events.delay", "consumer", consumer).record(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether this consumer already recorded the event (a short read, no transaction held). */
    private Uni<Boolean> isRecorded(Event<?> event, String consumer) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(recorded, Long.class)
                .setParameter("id", event.id())
                .setParameter("consumer", consumer)
                .getSingleResult())).map(n -> n > 0);
    }

    private void skipped(Event<?> event, String consumer) {
        LOG.debugf("%s: event %s already processed, skipped", consumer, event.id());
        registry.counter("events.consumed", "consumer", consumer, "outcome", "duplicate").increment();
    }

    /** Runs the effect unless this consumer already recorded the event; both commit together. */
    public <T> Uni<Boolean> applyOnce(Event<T> event, String consumer, Function<Event<T>, Uni<?>> effect) {
        return timed(consumer, Panache.withTransaction(() -> claimAndApply(event, consumer, effect)));
    }

    /** Inside the caller's transaction: the effect, unless the event's id is recorded already; then the id. */
    private <T> Uni<Boolean> claimAndApply(Event<T> event, String consumer, Function<Event<T>, Uni<?>> effect) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(claim)
                        .setParameter("id", event.id())
                        .setParameter("consumer", consumer)
                        .executeUpdate())
                .chain(claimed -> {
                    if (claimed == 0) {
                        skipped(event, consumer);
                        return Uni.createFrom().item(false);
                    }
                    return effect.apply(event).invoke(() -> registry.counter("events.consumed",
                            "consumer", consumer, "outcome", "applied").increment()).replaceWith(true);
                });
    }

    /** Times a transaction, commit included: what a consumer's throughput per partition comes down to. */
    private <R> Uni<R> timed(String consumer, Uni<R> transaction) {
        return Uni.createFrom().deferred(() -> {
            long begin = System.nanoTime();
            return transaction.invoke(() -> registry.timer("events.apply", "consumer", consumer)
                    .record(System.nanoTime() - begin, TimeUnit.NANOSECONDS));
        });
    }

    private Uni<Void> reject(Message<String> message, String consumer, Throwable reason) {
        LOG.errorf("%s: record at %s sent to the dead-letter topic: %s", consumer, describe(message),
                reason.getMessage());
        registry.counter("events.consumed", "consumer", consumer, "outcome", "dead-lettered").increment();
        return Uni.createFrom().completionStage(message.nack(reason));
    }

    private static String describe(Message<String> message) {
        return message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "/" + m.getPartition() + "@" + m.getOffset())
                .orElse("unknown position");
    }

    private static void runOn(Context context, Runnable task) {
        if (context == null) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }
}
