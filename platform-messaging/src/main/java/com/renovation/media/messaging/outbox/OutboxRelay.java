package com.renovation.media.messaging.outbox;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.messaging.config.MessagingConfig;
import com.renovation.media.messaging.notify.PgChannels;
import com.renovation.media.messaging.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka (key = subject, acks=all, idempotent producer), then stamps them sent.
 *
 * <p>Woken by NOTIFY at commit, with a short poll as fallback. Each round locks, with {@code FOR UPDATE SKIP
 * LOCKED}, the oldest unsent row of each subject, and with it takes that subject's later unsent rows: while it
 * holds a subject's head no other replica can, so replicas share the work without ever publishing a subject's
 * later event before its earlier one, and one round sends a subject's events one after another through the
 * idempotent producer, which keeps them in order. Rows whose publish failed stay pending with {@code attempts}
 * counted and {@code last_error} set (what an operator looks at), and are retried with exponential backoff, so a
 * broker outage delays events but loses none. Delivery is at-least-once: consumers are idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    static final int RELAY_LINGER_MS = 1;
    /** How long shutdown waits for a publishing round: a batch's sends and their marking take milliseconds. */
    private static final Duration ROUND_AT_SHUTDOWN = Duration.ofSeconds(10);

    private final MessagingConfig config;
    private final Pool pool;
    private final Vertx vertx;
    private final Map<String, Object> kafkaSettings;
    private final PgChannels channels;
    private final EventTracing tracing;
    private final Counter published;
    private final Counter failedRounds;
    private final String lockHeads;
    private final String selectPending;
    private final String markSent;
    private final String markFailed;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile long retryNotBefore;
    private int consecutiveFailures;
    private Context context;
    private KafkaProducer<String, String> producer;
    private PgSubscriber subscriber;
    private final List<Long> timers = new ArrayList<>();

    public OutboxRelay(MessagingConfig config, Pool pool, Vertx vertx, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings, PgChannels channels,
            EventTracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.pool = pool;
        this.vertx = vertx;
        this.kafkaSettings = kafkaSettings;
        this.channels = channels;
        this.published = registry.counter("outbox.published");
        this.failedRounds = registry.counter("outbox.publish.failures");
        String table = config.schema() + ".outbox";
        this.lockHeads = "SELECT o.subject FROM " + table + " o"
                + " WHERE o.sent_at IS NULL AND o.seq = (SELECT min(h.seq) FROM " + table + " h"
                + " WHERE h.subject = o.subject AND h.sent_at IS NULL)"
                + " ORDER BY o.seq LIMIT $1 FOR UPDATE OF o SKIP LOCKED";
        // a prefix of each locked subject's pending rows, in the order they were written
        this.selectPending = "SELECT id, topic, subject, payload::text AS payload, trace_parent FROM " + table
                + " WHERE sent_at IS NULL AND subject = ANY($1) ORDER BY seq LIMIT $2";
        this.markSent = "UPDATE " + table + " SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1)";
        this.markFailed = "UPDATE " + table + " o SET attempts = o.attempts + 1, last_error = f.error"
                + " FROM unnest($1::uuid[], $2::text[]) AS f(id, error) WHERE o.id = f.id";
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.outbox().relayEnabled()) {
            LOG.info("outbox relay disabled in this process");
            return;
        }
        context = vertx.getOrCreateContext();
        producer = new KafkaProducer<>(producerProperties(kafkaSettings, config.source()));
        subscriber = channels.subscriber();
        subscriber.channel("outbox_" + config.schema()).handler(ignored -> wake());
        subscriber.connect().subscribe().with(
                ok -> LOG.debugf("listening for outbox_%s", config.schema()),
                failure -> LOG.warnf("LISTEN failed, relying on polling: %s", failure.getMessage()));
        timers.add(vertx.setPeriodic(config.outbox().pollInterval().toMillis(), id -> wake()));
        fetchMetadata();
        wake();
    }

    /**
     * The partitions of every topic this service produces, fetched once at start on a worker thread: the first
     * event after a start then goes out at once instead of waiting for the producer's metadata round trip.
     */
    private void fetchMetadata() {
        PlatformService.named(config.source()).ifPresent(service -> Infrastructure.getDefaultWorkerPool().execute(() -> {
            for (Topic topic : Topic.values()) {
                if (topic.producer() == service) {
                    try {
                        producer.partitionsFor(topic.topicName());
                    } catch (RuntimeException e) {
                        LOG.debugf("no metadata for %s yet: %s", topic.topicName(), e.getMessage());
                    }
                }
            }
        }));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        awaitRoundInFlight();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Lets a round that is publishing end before the producer closes: cut short, it would leave events sent but not
     * marked, and the next replica would send them again. No new round starts once stopped.
     */
    private void awaitRoundInFlight() {
        long deadline = System.nanoTime() + ROUND_AT_SHUTDOWN.toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (running.get()) {
            LOG.warnf("outbox round still running after %s at shutdown; its events may be sent again", ROUND_AT_SHUTDOWN);
        }
    }

    /** Stops publishing (rows keep accumulating) until {@link #resume()}; for maintenance and tests. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** Asks for a round; coalesces with one already running, which then runs once more. */
    public void wake() {
        wanted.set(true);
        if (paused || stopped || context == null || System.currentTimeMillis() < retryNotBefore) {
            return;
        }
        if (running.compareAndSet(false, true)) {
            context.runOnContext(this::round);
        }
    }

    private void round() {
        wanted.set(false);
        pool.withTransaction(this::publishBatch).subscribe().with(round -> {
            published.increment(round.sent());
            if (round.firstError() != null) {
                retryLater(round.firstError());
                return;
            }
            consecutiveFailures = 0;
            running.set(false);
            // rows found: a subject's next event only becomes a head after this commit, so look again
            if (round.sent() > 0 || wanted.get()) {
                wake();
            }
        }, failure -> retryLater(failure.getMessage()));
    }

    private void retryLater(String error) {
        failedRounds.increment();
        consecutiveFailures++;
        long backoff = Math.min(config.outbox().maxBackoff().toMillis(),
                config.outbox().initialBackoff().toMillis() << Math.min(consecutiveFailures - 1, 20));
        retryNotBefore = System.currentTimeMillis() + backoff;
        LOG.warnf("outbox publish failed (%d in a row), retrying in %d ms: %s", consecutiveFailures, backoff, error);
        running.set(false);
        vertx.setTimer(backoff, id -> wake());
    }

    /** What one round did: rows sent, and the first failure's error (null when none failed). */
    private record Round(int sent, String firstError) {
    }

    /** One row's publish: its id and subject, and why it failed (null when it was sent). */
    private record Attempt(UUID id, String subject, Throwable failure) {

        String error() {
            return failure == null ? null : describe(failure);
        }
    }

    private Uni<Round> publishBatch(SqlConnection connection) {
        // A lost "sent" stamp only means the row is published again, which consumers deduplicate: this commit
        // need not wait for the WAL flush, and a subject's next event becomes a head that much sooner.
        int batch = config.outbox().batchSize();
        return connection.query("SET LOCAL synchronous_commit TO OFF").execute()
                .chain(() -> connection.preparedQuery(lockHeads).execute(Tuple.of(batch)))
                .chain(heads -> {
                    if (heads.size() == 0) {
                        return Uni.createFrom().item(new Round(0, null));
                    }
                    String[] subjects = new String[heads.size()];
                    int i = 0;
                    for (Row head : heads) {
                        subjects[i++] = head.getString("subject");
                    }
                    return connection.preparedQuery(selectPending).execute(Tuple.of(subjects, batch))
                            .chain(rows -> publish(connection, rows));
                });
    }

    private Uni<Round> publish(SqlConnection connection, RowSet<Row> rows) {
        return sendInOrder(rows)
                .emitOn(r -> context.runOnContext(r))
                .chain(done -> record(connection, done));
    }

    /**
     * Sent rows are stamped; failed ones stay pending with the attempt counted and its error kept, and so do
     * the rows of the same subject after a failed one (sent again later, which consumers deduplicate).
     */
    private Uni<Round> record(SqlConnection connection, List<Attempt> attempts) {
        Set<String> broken = new HashSet<>();
        List<UUID> sentIds = new ArrayList<>();
        List<Attempt> failed = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.error() != null) {
                broken.add(attempt.subject());
                failed.add(attempt);
            } else if (!broken.contains(attempt.subject())) {
                sentIds.add(attempt.id());
            }
        }
        UUID[] sent = sentIds.toArray(UUID[]::new);
        Uni<Void> stamped = sent.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(markSent).execute(Tuple.of(sent)).replaceWithVoid();
        Uni<Void> counted = failed.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(markFailed).execute(Tuple.of(
                        failed.stream().map(Attempt::id).toArray(UUID[]::new),
                        failed.stream().map(Attempt::error).toArray(String[]::new))).replaceWithVoid();
        return stamped.chain(() -> counted)
                .replaceWith(new Round(sent.length, failed.isEmpty() ? null : failed.get(0).error()));
    }

    /** The failure as an operator reads it in last_error: its type and message, bounded. */
    private static String describe(Throwable failure) {
        String text = String.valueOf(failure);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /**
     * Hands the rows to the producer one after another, on one worker thread (KafkaProducer.send may block on
     * metadata while the broker is away: never on the event loop), so a subject's events enter its partition in
     * the order they were written; then waits for every acknowledgement. After a send refused at once (a record
     * too large), that subject's later rows are not handed over in this round; after a timeout waiting for
     * metadata (the broker is away) no further row is, rather than each waiting out the same timeout. Rows not
     * handed over stay as they are.
     */
    private Uni<List<Attempt>> sendInOrder(RowSet<Row> rows) {
        return Uni.createFrom().item(() -> {
            List<CompletableFuture<Attempt>> acks = new ArrayList<>(rows.size());
            Set<String> refused = new HashSet<>();
            for (Row row : rows) {
                if (refused.contains(row.getString("subject"))) {
                    continue;
                }
                CompletableFuture<Attempt> ack = send(row);
                acks.add(ack);
                Attempt now = ack.getNow(null);
                if (now != null && now.failure() != null) {
                    if (now.failure() instanceof TimeoutException) {
                        break;
                    }
                    refused.add(now.subject());
                }
            }
            return acks;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(acks -> Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .thenApply(all -> acks.stream().map(CompletableFuture::join).toList())));
    }

    private CompletableFuture<Attempt> send(Row row) {
        UUID id = row.getUUID("id");
        String subject = row.getString("subject");
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), subject,
                row.getString("payload"));
        record.headers().add("event-id", id.toString().getBytes(StandardCharsets.UTF_8));
        // an envelope's type is its topic
        record.headers().add("event-type", row.getString("topic").getBytes(StandardCharsets.UTF_8));
        Span span = tracing.startPublish(row.getString("topic"), id, row.getString("trace_parent"), record.headers());
        CompletableFuture<Attempt> ack = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                EventTracing.ended(span, error);
                ack.complete(new Attempt(id, subject, error));
            });
        } catch (RuntimeException e) {
            EventTracing.ended(span, e);
            ack.complete(new Attempt(id, subject, e));
        }
        return ack;
    }

    /**
     * The service's shared Kafka settings (brokers, TLS, SASL: {@code kafka.*}) that a producer understands, then
     * the relay's own delivery settings.
     */
    static Properties producerProperties(Map<String, Object> kafkaSettings, String source) {
        Properties props = new Properties();
        kafkaSettings.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox-relay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // fail a round within seconds during an outage; the relay's own backoff retries it
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        // a round hands its rows over within microseconds: waiting 1 ms lets them leave in one produce request, so a
        // consumer polls them as one batch (a source's variants, one transaction) instead of the first one alone
        props.put(ProducerConfig.LINGER_MS_CONFIG, RELAY_LINGER_MS);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return props;
    }
}
