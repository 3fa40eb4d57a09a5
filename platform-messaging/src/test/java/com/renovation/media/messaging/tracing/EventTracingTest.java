package com.renovation.media.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class EventTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String WRITER = "00f067aa0ba902b7";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final EventTracing tracing = new EventTracing(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build());

    @Test
    void aPublishIsAChildOfTheTransactionThatWroteTheRowAndTravelsInTheHeaders() {
        Headers headers = new RecordHeaders();
        Span span = tracing.startPublish("asset.confirmed", UUID.randomUUID(), "00-" + TRACE + "-" + WRITER + "-01",
                headers);
        EventTracing.ended(span, null);

        SpanData publish = single();
        assertThat(publish.getName()).isEqualTo("asset.confirmed publish");
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getTraceId()).isEqualTo(TRACE);
        assertThat(publish.getParentSpanId()).isEqualTo(WRITER);
        assertThat(header(headers)).isEqualTo("00-" + TRACE + "-" + publish.getSpanId() + "-01");
    }

    @Test
    void aRowWrittenWithTracesOffStartsATraceAtItsPublish() {
        Headers headers = new RecordHeaders();
        EventTracing.ended(tracing.startPublish("asset.deleted", UUID.randomUUID(), null, headers),
                new IllegalStateException("broker away"));

        SpanData publish = single();
        assertThat(publish.getParentSpanContext().isValid()).isFalse();
        assertThat(publish.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
        assertThat(header(headers)).contains(publish.getTraceId()).contains(publish.getSpanId());
    }

    @Test
    void aRecordIsProcessedInAChildOfItsPublishCurrentWhileTheEffectRuns() {
        Headers headers = new RecordHeaders();
        EventTracing.ended(tracing.startPublish("variant.ready", UUID.randomUUID(), null, headers), null);
        SpanData publish = single();
        exported.reset();

        AtomicReference<String> seen = new AtomicReference<>();
        tracing.consume(record("variant.ready", headers), "variant-ready", () -> {
            seen.set(EventTracing.currentTraceparent());
            return Uni.createFrom().voidItem();
        }).await().indefinitely();

        SpanData process = single();
        assertThat(process.getName()).isEqualTo("variant.ready process");
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(seen.get()).as("what an event written by the effect would carry")
                .isEqualTo("00-" + publish.getTraceId() + "-" + process.getSpanId() + "-01");
        assertThat(EventTracing.currentTraceparent()).as("nothing current once the effect ended").isNull();
    }

    @Test
    void aBatchIsAChildOfItsFirstRecordsPublishAndLinksTheOthers() {
        Headers first = new RecordHeaders();
        Headers second = new RecordHeaders();
        EventTracing.ended(tracing.startPublish("variant.ready", UUID.randomUUID(), null, first), null);
        EventTracing.ended(tracing.startPublish("variant.ready", UUID.randomUUID(), null, second), null);
        List<SpanData> publishes = exported.getFinishedSpanItems();
        exported.reset();

        tracing.consume(List.of(record("variant.ready", first), record("variant.ready", second)), "variant-ready",
                () -> Uni.createFrom().failure(new IllegalStateException("transaction failed")))
                .onFailure().recoverWithNull().await().indefinitely();

        SpanData batch = single();
        assertThat(batch.getParentSpanId()).isEqualTo(publishes.get(0).getSpanId());
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly(publishes.get(1).getSpanId());
        assertThat(batch.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey(
                EventTracing.BATCH_SIZE))).isEqualTo(2L);
        assertThat(batch.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    @Test
    void aSampledRecordPolledBehindAnUnsampledOneIsTheBatchsParent() {
        Headers unsampled = new RecordHeaders();
        unsampled.add("traceparent", ("00-" + TRACE + "-" + WRITER + "-00").getBytes(StandardCharsets.UTF_8));
        Headers sampled = new RecordHeaders();
        EventTracing.ended(tracing.startPublish("variant.ready", UUID.randomUUID(), null, sampled), null);
        SpanData publish = single();
        exported.reset();

        tracing.consume(List.of(record("variant.ready", unsampled), record("variant.ready", sampled)),
                "variant-ready", () -> Uni.createFrom().voidItem()).await().indefinitely();

        SpanData batch = single();
        assertThat(batch.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getSpanId()).containsExactly(WRITER);
    }

    @Test
    void aRecordWithoutTraceHeadersStartsATrace() {
        tracing.consume(record("asset.deleted", new RecordHeaders()), "asset-deleted", () -> Uni.createFrom().voidItem())
                .await().indefinitely();

        assertThat(single().getParentSpanContext().isValid()).isFalse();
    }

    private SpanData single() {
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        return exported.getFinishedSpanItems().get(0);
    }

    private static String header(Headers headers) {
        return new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }

    private static Message<String> record(String topic, Headers headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 7L, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, 0, 0, "subject", "{}", headers, java.util.Optional.empty());
        return Message.of("{}", Metadata.of(new IncomingKafkaRecordMetadata<>(record, "channel")));
    }
}
