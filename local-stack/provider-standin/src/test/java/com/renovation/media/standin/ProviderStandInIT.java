package com.renovation.media.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in over real HTTP: a local server plays the S3 the input images come from. */
class ProviderStandInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private HttpServer images;
    private ProviderStandIn standIn;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        byte[] jpeg = ImageTransforms.jpeg(ImageTransformsTest.fadedNoisyPhoto(96, 64));
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        images.createContext("/photo.jpg", ex -> {
            ex.getResponseHeaders().set("Content-Type", "image/jpeg");
            ex.sendResponseHeaders(200, jpeg.length);
            ex.getResponseBody().write(jpeg);
            ex.close();
        });
        images.createContext("/page.html", ex -> {
            byte[] html = "<html>not an image</html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, html.length);
            ex.getResponseBody().write(html);
            ex.close();
        });
        images.createContext("/webhooks/payments", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signatures.add(ex.getRequestHeaders().getFirst(WebhookSignature.PAYMENT_HEADER));
            byte[] ok = "{\"received\":true,\"outcome\":\"applied\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        images.start();
        standIn = ProviderStandIn.start(StandInSettings.forTests(dir).withPayments(
                URI.create(imagesUrl("/webhooks/payments")), "whsec_test"));
    }

    @AfterEach
    void stop() {
        standIn.close();
        images.stop(0);
    }

    private String imagesUrl(String path) {
        return "http://127.0.0.1:" + images.getAddress().getPort() + path;
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.url() + path))
                .timeout(Duration.ofSeconds(3))
                .header("Authorization", "Bearer " + standIn.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> create(String service, String imagePath, String key) throws Exception {
        return post("/v1/predictions", key, "{\"version\":\"" + service + "\",\"input\":{\"image\":\""
                + imagesUrl(imagePath) + "\"}}");
    }

    private JsonNode get(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/v1/predictions/" + id))
                .header("Authorization", "Bearer " + standIn.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode awaitEnd(String id) throws Exception {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            JsonNode p = get(id);
            String status = p.get("status").asText();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("canceled")) {
                return p;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("prediction " + id + " did not end");
    }

    @Test
    void aRestorationRunsAndItsOutputIsAJpegOfTheSameSize() throws Exception {
        HttpResponse<String> created = create("restoration", "/photo.jpg", "job-a-attempt-1");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode p = JSON.readTree(created.body());
        assertThat(p.get("status").asText()).isIn("starting", "processing");
        JsonNode done = awaitEnd(p.get("id").asText());
        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("started_at").asText()).isNotEmpty();
        assertThat(done.get("completed_at").asText()).isNotEmpty();
        String output = done.get("output").asText();
        assertThat(output).startsWith(standIn.url() + "/outputs/").endsWith(".jpg");
        HttpResponse<byte[]> bytes = HTTP.send(HttpRequest.newBuilder(URI.create(output)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        var image = ImageIO.read(new ByteArrayInputStream(bytes.body()));
        assertThat(image.getWidth()).isEqualTo(96);
        assertThat(image.getHeight()).isEqualTo(64);
    }

    @Test
    void theSameKeyAnswersTheSamePredictionAndRunsOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return create("render", "/photo.jpg", "job-b-attempt-1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Set<String> ids = new HashSet<>();
        int createdStatus = 0;
        for (var call : calls) {
            HttpResponse<String> r = call.join();
            assertThat(r.statusCode()).isIn(200, 201);
            createdStatus += r.statusCode() == 201 ? 1 : 0;
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        assertThat(ids).hasSize(1);
        assertThat(createdStatus).isEqualTo(1);
        assertThat(awaitEnd(ids.iterator().next()).get("status").asText()).isEqualTo("succeeded");
        HttpResponse<String> later = create("render", "/photo.jpg", "job-b-attempt-1");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(later.body()).get("id").asText()).isEqualTo(ids.iterator().next());
        StandInStats stats = standIn.stats();
        assertThat(stats.runs()).isEqualTo(1);
        assertThat(stats.runsPerKeyMax()).isEqualTo(1);
        assertThat(stats.idempotentReplays()).isEqualTo(8);
    }

    @Test
    void manyPredictionsAtOnceAreAllAnsweredPromptly() throws Exception {
        standIn.mode(StandInMode.delay(300));
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String key = "many-" + round + "-" + i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return create(key.endsWith("0") ? "render" : "restoration", "/photo.jpg", key);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            long started = System.nanoTime();
            for (var call : calls) {
                assertThat(call.join().statusCode()).isEqualTo(201);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void withoutTheTokenNothingIsAnswered() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/v1/predictions"))
                .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(standIn.stats().posts()).isZero();
    }

    @Test
    void hostileRequestsAreRefused() throws Exception {
        assertThat(post("/v1/predictions", null, "{\"version\":\"x\",\"input\":{}}").statusCode()).isEqualTo(422);
        assertThat(post("/v1/predictions", null, "{\"version\":\"render\",\"input\":{\"image\":\"file:///etc/passwd\"}}")
                .statusCode()).isEqualTo(422);
        assertThat(post("/v1/predictions", null, "not json").statusCode()).isEqualTo(400);
        assertThat(post("/v1/predictions", null, "{\"pad\":\"" + "x".repeat(70_000) + "\"}").statusCode())
                .isEqualTo(413);
        HttpResponse<String> traversal = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url()
                + "/outputs/..%2Fpredictions")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(traversal.statusCode()).isEqualTo(404);
    }

    @Test
    void anInputThatIsNotAnImageFailsThePrediction() throws Exception {
        String id = JSON.readTree(create("restoration", "/page.html", null).body()).get("id").asText();
        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.get("error").asText()).contains("not an image");
    }

    @Test
    void tooLargeAnInputFailsThePrediction() throws Exception {
        standIn.close();
        standIn = ProviderStandIn.start(StandInSettings.forTests(dir).withMaxInputBytes(100));
        String id = JSON.readTree(create("restoration", "/photo.jpg", null).body()).get("id").asText();
        assertThat(awaitEnd(id).get("error").asText()).contains("larger than 100 bytes");
    }

    @Test
    void failRateFailsThatShareAndFailNextTheNextOnes() throws Exception {
        standIn.mode(StandInMode.failing(0.5));
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = JSON.readTree(create("render", "/photo.jpg", "rate-" + i).body()).get("id").asText();
            statuses.add(awaitEnd(id).get("status").asText());
        }
        assertThat(statuses).containsExactly("succeeded", "failed", "succeeded", "failed");
        standIn.mode(StandInMode.failingNext(2));
        statuses.clear();
        for (int i = 0; i < 3; i++) {
            String id = JSON.readTree(create("render", "/photo.jpg", "next-" + i).body()).get("id").asText();
            statuses.add(awaitEnd(id).get("status").asText());
        }
        assertThat(statuses).containsExactly("failed", "failed", "succeeded");
    }

    @Test
    void errorRateAnswers500AndCreatesNothing() throws Exception {
        standIn.mode(StandInMode.erroring(1));
        assertThat(create("render", "/photo.jpg", "err-1").statusCode()).isEqualTo(500);
        assertThat(standIn.stats().predictions()).isZero();
    }

    @Test
    void theModeIsSetOverHttp() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/_standin/mode"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"delayMs\":250,\"failRate\":0.25}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(standIn.mode().delayMs()).isEqualTo(250);
        assertThat(standIn.mode().failRate()).isEqualTo(0.25);
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/_standin/mode"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"failRate\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> stats = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/_standin/stats"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(stats.body()).has("runsPerKeyMax")).isTrue();
    }

    @Test
    void hangNeverAnswers() throws Exception {
        standIn.mode(StandInMode.hanging());
        HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.url() + "/v1/predictions"))
                .timeout(Duration.ofMillis(500)).header("Authorization", "Bearer " + standIn.token())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(standIn.stats().hungRequests()).isEqualTo(1);
        assertThat(standIn.stats().predictions()).isZero();
    }

    @Test
    void aCreateAnsweredTooLateHasMadeItsPredictionWhichTheSameKeyFinds() throws Exception {
        standIn.mode(StandInMode.answeringLate(1_500));
        String body = "{\"version\":\"render\",\"input\":{\"image\":\"" + imagesUrl("/photo.jpg") + "\"}}";
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(standIn.url() + "/v1/predictions"))
                .timeout(Duration.ofMillis(300)).header("Authorization", "Bearer " + standIn.token())
                .header("Idempotency-Key", "late-1").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThatThrownBy(() -> HTTP.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(standIn.stats().runs()).isEqualTo(1);

        standIn.mode(StandInMode.NORMAL);
        HttpResponse<String> again = create("render", "/photo.jpg", "late-1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(standIn.stats().runs()).isEqualTo(1);
        assertThat(standIn.runsPerKey()).containsEntry("late-1", 1);
        assertThat(awaitEnd(JSON.readTree(again.body()).get("id").asText()).get("status").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void theModeIsSetOverHttpWithMissingFieldsZero() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/_standin/mode"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"answerDelayMs\": 250}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(standIn.mode()).isEqualTo(StandInMode.answeringLate(250));
    }

    @Test
    void aCancelledPredictionStaysCancelled() throws Exception {
        standIn.mode(StandInMode.delay(2_000));
        String id = JSON.readTree(create("render", "/photo.jpg", "cancel-1").body()).get("id").asText();
        HttpResponse<String> cancel = post("/v1/predictions/" + id + "/cancel", null, "");
        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancel.body()).get("status").asText()).isEqualTo("canceled");
        Thread.sleep(300);
        assertThat(get(id).get("status").asText()).isEqualTo("canceled");
        assertThat(get(id).has("output")).isFalse();
    }

    @Test
    void aRestartedStandInKeepsPredictionsAndFinishesUnfinishedOnes() throws Exception {
        standIn.mode(StandInMode.delay(60_000));
        String id = JSON.readTree(create("restoration", "/photo.jpg", "restart-1").body()).get("id").asText();
        standIn.close();
        standIn = ProviderStandIn.start(StandInSettings.forTests(dir));
        assertThat(standIn.stats().resumed()).isEqualTo(1);
        assertThat(awaitEnd(id).get("status").asText()).isEqualTo("succeeded");
        HttpResponse<String> again = create("restoration", "/photo.jpg", "restart-1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(id);
        assertThat(standIn.stats().runsPerKeyMax()).isEqualTo(1);
    }

    @Test
    void theOutputUrlFollowsTheHostTheApiWasCalledBy() throws Exception {
        String id = JSON.readTree(create("render", "/photo.jpg", null).body()).get("id").asText();
        awaitEnd(id);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standIn.port()
                + "/v1/predictions/" + id)).header("Authorization", "Bearer " + standIn.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(r.body()).get("output").asText())
                .startsWith("http://127.0.0.1:" + standIn.port() + "/outputs/");
    }

    @Test
    void theCheckoutPageEscapesWhatItShows() throws Exception {
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url()
                + "/checkout?order=%3Cscript%3Ealert(1)%3C/script%3E&amount=1&currency=EUR")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        String order = "0b6f5f5e-1a2b-4c3d-9e8f-0123456789ab";
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url()
                + "/checkout?order=" + order + "&amount=9.90&currency=EUR")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/checkout/pay\"").contains("9.90 EUR").contains(order);
    }

    @Test
    void payingSendsASignedPaymentSucceeded() throws Exception {
        String order = "0b6f5f5e-1a2b-4c3d-9e8f-0123456789ab";
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/checkout/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("order=" + order + "&amount=11.88&currency=EUR")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("HTTP 200");
        assertThat(received).hasSize(1);
        JsonNode event = JSON.readTree(received.getFirst());
        assertThat(event.get("id").asText()).startsWith("evt_");
        assertThat(event.get("type").asText()).isEqualTo("payment_succeeded");
        assertThat(event.get("data").get("orderId").asText()).isEqualTo(order);
        assertThat(event.get("data").get("amount").asText()).isEqualTo("11.88");
        assertThat(event.get("data").get("currency").asText()).isEqualTo("EUR");
        assertThat(Math.abs(event.get("created").asLong() - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(WebhookSignature.verify(signatures.getFirst(), received.getFirst(), "whsec_test",
                WebhookSignature.DEFAULT_TOLERANCE, Instant.now())).isEqualTo(WebhookSignature.Verdict.VALID);
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/checkout/pay"))
                .POST(HttpRequest.BodyPublishers.ofString("order=x&amount=1e9&currency=eur")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(received).hasSize(1);
    }
}
