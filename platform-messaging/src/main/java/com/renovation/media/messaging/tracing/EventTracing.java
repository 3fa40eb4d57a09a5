package com.renovation.media.messaging.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Carries one trace across the outbox and Kafka: the transaction that writes an event keeps its W3C traceparent
 * with the outbox row; the relay publishes the event in a producer span, child of it, whose context travels in the
 * record's headers; the consumer processes the record in a consumer span, child of that one, current while its
 * effect runs, so the effect's SQL, S3 calls and the events it writes in turn belong to the same trace.
 *
 * <p>With traces off ({@code OTEL_SDK_DISABLED}, the default) every span is a no-op and nothing is stored.
 */
@ApplicationScoped
public class EventTracing {

    static final String MESSAGING_SYSTEM = "messaging.system";
    static final String DESTINATION = "messaging.destination.name";
    static final String MESSAGE_ID = "messaging.message.id";
    static final String CONSUMER_GROUP = "messaging.consumer.group.name";
    static final String BATCH_SIZE = "messaging.batch.message_count";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("com.renovation.media.messaging");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The W3C traceparent of the current span, kept with an outbox row; null when no trace is recorded. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /**
     * Starts the span of an outbox row's publish, child of the transaction that wrote it ({@code traceparent},
     * null for a row written with traces off: then a trace starts here), and writes its context into the record's
     * headers. The caller ends it when the broker answers.
     */
    public Span startPublish(String topic, UUID eventId, String traceparent, Headers headers) {
        Context parent = traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent), MAP);
        Span span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId.toString()).startSpan();
        propagator.inject(parent.with(span), headers,
                (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Ends a publish span with the broker's answer. */
    public static void ended(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /**
     * Runs a record's processing in a consumer span, child of the span that published it, current on the calling
     * Vert.x context for as long as {@code work} runs (the retries of an attempt included).
     */
    public <T> Uni<T> consume(Message<?> record, String consumer, Supplier<Uni<T>> work) {
        return consume(List.of(record), consumer, work);
    }

    /**
     * As {@link #consume(Message, String, Supplier)} for the records of one poll applied together: the span is a
     * child of one record's publish and links every other's, so each trace shows the transaction that applied its
     * event. The parent is the first record whose trace is sampled: a sampled trace polled behind an unsampled one
     * (most traces are, at a ratio) would otherwise lose this hop, the span being as unsampled as its parent.
     */
    public <T> Uni<T> consume(List<? extends Message<?>> records, String consumer, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            List<Context> published = records.stream().map(this::publishedIn).toList();
            int parent = parentOf(published);
            Span span = consumerSpan(records, published, parent, consumer);
            Scope scope = published.get(parent).with(span).makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                scope.close();
                ended(span, e);
                throw e;
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                scope.close();
                ended(span, failure);
            });
        });
    }

    /** The first record whose publish was sampled, else the first; its index. */
    static int parentOf(List<Context> published) {
        for (int i = 0; i < published.size(); i++) {
            if (Span.fromContext(published.get(i)).getSpanContext().isSampled()) {
                return i;
            }
        }
        return 0;
    }

    private Span consumerSpan(List<? extends Message<?>> records, List<Context> published, int parent,
            String consumer) {
        Message<?> first = records.get(0);
        String topic = first.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse(consumer);
        SpanBuilder builder = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(published.get(parent)).setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic).setAttribute(CONSUMER_GROUP, consumer);
        if (records.size() > 1) {
            builder.setAttribute(BATCH_SIZE, (long) records.size());
            for (int i = 0; i < published.size(); i++) {
                SpanContext linked = Span.fromContext(published.get(i)).getSpanContext();
                if (i != parent && linked.isValid()) {
                    builder.addLink(linked);
                }
            }
        }
        return builder.startSpan();
    }

    /** The context the record was published in, from its headers; the root context when it carries none. */
    private Context publishedIn(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> propagator.extract(Context.root(), metadata.getHeaders(), KAFKA_HEADERS))
                .orElse(Context.root());
    }
}
