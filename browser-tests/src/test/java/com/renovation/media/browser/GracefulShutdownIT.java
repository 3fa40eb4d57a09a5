package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localtokens.LocalTokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to asset-service in the middle of a load run, the way Kubernetes stops a pod: readiness goes DOWN for the
 * shutdown delay while requests are still served (the clients here stop starting uploads when they see it, as a
 * Service stops routing), then the drain. No request may be cut: each is answered, or refused before it was read
 * (503, or a connection refused). An open live-event stream ends at once instead of holding the drain for the whole
 * SHUTDOWN_TIMEOUT. After a restart every confirmed upload's asset.confirmed event is in Kafka exactly once. asset-service alone
 * runs, on ports of its own, so the browser journeys' platform is not disturbed.
 */
class GracefulShutdownIT {

    private static final String SERVICE = "asset-service";
    private static final Map<String, String> SHUTDOWN = Map.of("SHUTDOWN_DELAY", "2s", "SHUTDOWN_TIMEOUT", "20s");
    private static final int CLIENTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1, as an ingress speaks to a pod (the JDK's client would otherwise upgrade to h2c and carry every
    // request over one connection)
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static SoloService assets;
    private static PlatformSettings settings;
    private static String token;

    private final List<String> confirmed = new CopyOnWriteArrayList<>();
    private final List<String> cut = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger photoNumber = new AtomicInteger();
    private volatile long signalledAt;

    @BeforeAll
    static void startAssetServiceAlone() throws Exception {
        assets = SoloService.start(SERVICE, 18181, 19181, SHUTDOWN);
        settings = assets.settings;
        token = new LocalTokens(settings.home()).token("graceful-" + UUID.randomUUID(), false, Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        if (assets != null) {
            assets.close();
        }
    }

    @Test
    void aSigtermDuringUploadsCutsNoRequestLosesNoEventAndEndsLiveStreams() throws Exception {
        String session = call("POST", "/sessions", "{\"title\":\"Shutdown\"}", 201).get("id").asText();
        String room = call("POST", "/sessions/" + session + "/rooms",
                "{\"name\":\"Hall\",\"roomType\":\"hallway\"}", 201).get("id").asText();
        CompletableFuture<Void> liveStream = openLiveStream();

        AtomicBoolean routing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.execute(() -> {
                while (routing.get()) {
                    uploadOnce(room);
                }
            });
        }
        long loadUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (confirmed.size() < 30 && System.nanoTime() < loadUntil) {
            Thread.sleep(50);
        }
        assertThat(confirmed).as("uploads confirmed before the SIGTERM").hasSizeGreaterThanOrEqualTo(30);

        ProcessHandle process = assets.process();
        long signalled = System.nanoTime();
        signalledAt = signalled;
        assertThat(process.destroy()).as("SIGTERM sent").isTrue();
        awaitNotReady();
        routing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("the clients' last uploads ended").isTrue();
        process.onExit().get(60, TimeUnit.SECONDS);
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

        assertThat(cut).as("requests cut short by the shutdown (each must be answered or refused; %d were refused)",
                refused.get()).isEmpty();
        assertThat(liveStream).as("the live stream ended by the shutdown").isCompleted();
        // a drain held to its timeout would take SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT (22 s) before the consumers close;
        // unheld it is the delay, the drain's milliseconds and the consumers' close (~9 s here)
        assertThat(stopping).as("SIGTERM to exit: nothing may hold the drain for SHUTDOWN_TIMEOUT")
                .isLessThan(Duration.ofSeconds(20));

        assets.restart();
        Map<String, Integer> events = confirmedEvents(Set.copyOf(confirmed), Duration.ofSeconds(60));
        assertThat(events.keySet()).as("every confirmed upload's asset.confirmed").containsExactlyInAnyOrderElementsOf(
                confirmed);
        assertThat(events.values()).as("asset.confirmed events per asset").allMatch(count -> count == 1);
        assertThat(statuses(confirmed)).as("confirmed assets' statuses").doesNotContain("pending");
    }

    /** One upload: ticket, PUT to S3, confirm. A refusal before the service read a request ends it quietly. */
    private void uploadOnce(String room) {
        byte[] photo = distinctPhoto(photoNumber.incrementAndGet());
        String assetId = null;
        try {
            HttpResponse<String> ticket = send("POST", "/assets/uploads", "{\"roomId\":\"" + room
                    + "\",\"assetType\":\"photo\",\"filename\":\"p.jpg\",\"contentType\":\"image/jpeg\",\"size\":"
                    + photo.length + "}");
            if (refusal(ticket, 201)) {
                return;
            }
            JsonNode body = JSON.readTree(ticket.body());
            assetId = body.get("assetId").asText();
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(body.get("uploadUrl").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
            body.get("headers").properties().forEach(header -> {
                if (!header.getKey().equalsIgnoreCase("content-length")) {
                    put.header(header.getKey(), header.getValue().asText());
                }
            });
            // S3 answers a 5xx now and then (the local one when a PUT races the removal of an emptied folder); every
            // S3 client retries those, and the shutdown under test is asset-service's, not the store's
            int stored = 0;
            for (int attempt = 0; attempt < 3 && (stored == 0 || stored >= 500); attempt++) {
                stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            if (stored != 200) {
                cut.add("PUT of " + assetId + " to S3 answered " + stored);
                return;
            }
            HttpResponse<String> confirm = send("POST", "/assets/" + assetId + "/confirm", "");
            if (!refusal(confirm, 200)) {
                confirmed.add(assetId);
            }
        } catch (ConnectException refusedBeforeSent) {
            refused.incrementAndGet();
        } catch (IOException | InterruptedException cutShort) {
            cut.add((assetId == null ? "ticket" : "confirm of " + assetId) + ": " + cutShort + sinceSignal());
        }
    }

    private String sinceSignal() {
        return signalledAt == 0 ? " (before the SIGTERM)"
                : " (" + Duration.ofNanos(System.nanoTime() - signalledAt).toMillis() + " ms after the SIGTERM)";
    }

    /** A 503 is a refusal (the drain answers requests arriving after it began so); any other answer must be it. */
    private boolean refusal(HttpResponse<String> response, int expected) {
        if (response.statusCode() == 503) {
            refused.incrementAndGet();
            return true;
        }
        if (response.statusCode() != expected) {
            cut.add("unexpected " + response.statusCode() + ": " + response.body());
            return true;
        }
        return false;
    }

    /** The caller's live stream, open (its first event read); the future completes when the server ends it. */
    private CompletableFuture<Void> openLiveStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(assets.url() + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    // "event:" with or without a space after it (both are SSE)
                    if (line.startsWith("event:") && line.substring(6).strip().equals("stream.ready")) {
                        ready.complete(null);
                    }
                });
                ended.complete(null);
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        });
        ready.get(10, TimeUnit.SECONDS);
        return ended;
    }

    /** What a Service does: the pod leaves its endpoints once readiness fails. */
    private static void awaitNotReady() throws Exception {
        int managementPort = assets.managementPort();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return;
                }
            } catch (IOException gone) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness stayed UP for 20 s after SIGTERM");
    }

    /** asset.confirmed records of {@code assets} in Kafka, counted per asset, once each is there (or the time is up). */
    private static Map<String, Integer> confirmedEvents(Set<String> assets, Duration within) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "graceful-shutdown-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("asset.confirmed"));
            long deadline = System.nanoTime() + within.toNanos();
            boolean caughtUp = false;
            while (System.nanoTime() < deadline && !caughtUp) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String assetId = JSON.readTree(record.value()).path("data").path("assetId").asText();
                    if (assets.contains(assetId)) {
                        counts.merge(assetId, 1, Integer::sum);
                    }
                }
                caughtUp = counts.keySet().containsAll(assets) && atEnd(consumer);
            }
        }
        return counts;
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        return !assigned.isEmpty() && consumer.endOffsets(assigned).entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static List<String> statuses(List<String> assets) throws Exception {
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(PlatformSettings.DATABASE),
                PlatformSettings.DB_USER, PlatformSettings.DB_PASSWORD);
                PreparedStatement query = db.prepareStatement("SELECT status FROM assets.room_assets WHERE id = ANY(?)")) {
            query.setArray(1, db.createArrayOf("uuid", assets.stream().map(UUID::fromString).toArray()));
            List<String> statuses = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            assertThat(statuses).as("rows of the confirmed assets").hasSameSizeAs(assets);
            return statuses;
        }
    }

    /** A small JPEG of its own: a session keeps one copy of any bytes, so each upload's must differ. */
    private static byte[] distinctPhoto(int number) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(number * 7919 & 0xFFFFFF));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(Color.WHITE);
        graphics.drawString(Integer.toString(number), 4, 30);
        graphics.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(assets.url() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
