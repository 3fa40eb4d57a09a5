package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One upload is one trace: the services export to an in-process OTLP receiver (Platform turns traces on as an
 * operator does), and the spans of a photo's confirm, sent with a W3C traceparent of the test's own, are read back
 * with their parent links, from the HTTP request through the outbox, Kafka and the worker's S3 calls to the
 * projection that makes the asset ready.
 */
class TracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        Platform.start();
        token = Platform.tokens().token("tracing-" + UUID.randomUUID(), false, Duration.ofHours(1));
    }

    @Test
    void aPhotosUploadIsOneTraceFromTheConfirmToTheAssetsReadiness(@TempDir Path dir) throws Exception {
        String session = call("POST", "/sessions", "{\"title\":\"Traced\"}", 201, null).get("id").asText();
        String room = call("POST", "/sessions/" + session + "/rooms", "{\"name\":\"Hall\",\"roomType\":\"hallway\"}",
                201, null).get("id").asText();
        byte[] photo = Files.readAllBytes(TestFiles.photo(dir, "traced.jpg", Color.ORANGE, Color.BLUE));
        JsonNode ticket = call("POST", "/assets/uploads", "{\"roomId\":\"" + room + "\",\"assetType\":\"photo\","
                + "\"filename\":\"traced.jpg\",\"contentType\":\"image/jpeg\",\"size\":" + photo.length + "}", 201, null);
        String assetId = ticket.get("assetId").asText();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        ticket.get("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        String traceId = randomHex(16);
        String clientSpan = randomHex(8);
        call("POST", "/assets/" + assetId + "/confirm", "", 200, "00-" + traceId + "-" + clientSpan + "-01");
        awaitReady(assetId);

        Trace trace = awaitTrace(traceId, t -> t.find("asset-service", SpanKind.SPAN_KIND_CONSUMER, "variant.ready process")
                != null);
        System.out.println("TracingIT: " + trace);
        OtlpReceiver.ReceivedSpan request = trace.single("asset-service", SpanKind.SPAN_KIND_SERVER, "confirm");
        assertThat(request.parentSpanId()).as("the confirm continues the client's trace").isEqualTo(clientSpan);
        assertThat(trace.below(request, "asset-service", SpanKind.SPAN_KIND_CLIENT, "S3."))
                .as("confirm's own S3 calls (copy, inspection) under its request").isNotEmpty();

        OtlpReceiver.ReceivedSpan confirmed = trace.single("asset-service", SpanKind.SPAN_KIND_PRODUCER,
                "asset.confirmed publish");
        assertThat(trace.isBelow(confirmed, request)).as("the outbox row's publish is a child of the request that"
                + " wrote it").isTrue();
        assertThat(confirmed.attributes()).containsEntry("messaging.destination.name", "asset.confirmed");

        OtlpReceiver.ReceivedSpan rendering = trace.single("variant-worker", SpanKind.SPAN_KIND_CONSUMER,
                "asset.confirmed process");
        assertThat(rendering.parentSpanId()).as("the worker's processing is a child of the publish, through Kafka")
                .isEqualTo(confirmed.spanId());
        assertThat(trace.below(rendering, "variant-worker", SpanKind.SPAN_KIND_CLIENT, "S3.GetObject"))
                .as("the worker reads the original within its processing").isNotEmpty();
        assertThat(trace.below(rendering, "variant-worker", SpanKind.SPAN_KIND_CLIENT, "S3.PutObject"))
                .as("and stores the variants within it").isNotEmpty();

        List<OtlpReceiver.ReceivedSpan> announced = trace.all("variant-worker", SpanKind.SPAN_KIND_PRODUCER,
                "variant.ready publish");
        assertThat(announced).as("the variants announced").isNotEmpty()
                .allMatch(span -> trace.isBelow(span, rendering));

        OtlpReceiver.ReceivedSpan projected = trace.find("asset-service", SpanKind.SPAN_KIND_CONSUMER,
                "variant.ready process");
        assertThat(announced.stream().map(OtlpReceiver.ReceivedSpan::spanId))
                .as("the projection that made the asset ready is a child of a variant's publish")
                .contains(projected.parentSpanId());
    }

    /** A trace's spans, with the parent links walked. */
    private record Trace(List<OtlpReceiver.ReceivedSpan> spans, Map<String, OtlpReceiver.ReceivedSpan> byId) {

        static Trace of(List<OtlpReceiver.ReceivedSpan> spans) {
            Map<String, OtlpReceiver.ReceivedSpan> byId = new HashMap<>();
            spans.forEach(span -> byId.put(span.spanId(), span));
            return new Trace(spans, byId);
        }

        List<OtlpReceiver.ReceivedSpan> all(String service, SpanKind kind, String name) {
            return spans.stream().filter(s -> s.service().equals(service) && s.kind() == kind
                    && s.name().contains(name)).toList();
        }

        OtlpReceiver.ReceivedSpan find(String service, SpanKind kind, String name) {
            return all(service, kind, name).stream().findFirst().orElse(null);
        }

        OtlpReceiver.ReceivedSpan single(String service, SpanKind kind, String name) {
            List<OtlpReceiver.ReceivedSpan> found = all(service, kind, name);
            assertThat(found).as("%s %s span named like '%s' in %s", service, kind, name, this).hasSize(1);
            return found.get(0);
        }

        List<OtlpReceiver.ReceivedSpan> below(OtlpReceiver.ReceivedSpan ancestor, String service, SpanKind kind,
                String name) {
            return all(service, kind, name).stream().filter(span -> isBelow(span, ancestor)).toList();
        }

        boolean isBelow(OtlpReceiver.ReceivedSpan span, OtlpReceiver.ReceivedSpan ancestor) {
            OtlpReceiver.ReceivedSpan at = byId.get(span.parentSpanId());
            for (int depth = 0; at != null && depth < 100; depth++) {
                if (at.spanId().equals(ancestor.spanId())) {
                    return true;
                }
                at = byId.get(at.parentSpanId());
            }
            return false;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("the trace:");
            spans.forEach(s -> text.append("\n  ").append(s.service()).append(' ').append(s.kind()).append(" '")
                    .append(s.name()).append("' ").append(s.spanId()).append(" <- ").append(s.parentSpanId()));
            return text.toString();
        }
    }

    private static Trace awaitTrace(String traceId, Predicate<Trace> complete) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Trace trace = Trace.of(Platform.traces().trace(traceId));
        while (!complete.test(trace) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            trace = Trace.of(Platform.traces().trace(traceId));
        }
        // spans still in the services' export queues (a batch every 100 ms)
        Thread.sleep(500);
        return Trace.of(Platform.traces().trace(traceId));
    }

    private static void awaitReady(String assetId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = "";
        while (!status.equals("ready") && System.nanoTime() < deadline) {
            status = call("GET", "/assets/" + assetId, null, 200, null).get("status").asText();
            Thread.sleep(100);
        }
        assertThat(status).as("asset %s's status", assetId).isEqualTo("ready");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static JsonNode call(String method, String path, String body, int expected, String traceparent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.apiUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
