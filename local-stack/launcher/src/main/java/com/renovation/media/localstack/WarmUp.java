package com.renovation.media.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.localtokens.LocalTokens;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

/**
 * What {@code ./platform up} does once every service is healthy and before it says the platform is ready: a few
 * photo uploads and an estimate PDF through the public API, as a user of its own, whose session is then deleted
 * (the erasure removes every row and object they made). A JVM runs its first requests through cold code: the
 * first Kafka send (the producer's id), the first record a consumer dispatches, Hibernate's first statements, the
 * S3 client's first GET and PUT. Warmed here, the first upload a person makes after {@code up} is as fast as the
 * later ones. Uploads go on until two in a row are fast, at most {@link #MAX_UPLOADS}. A failure is reported and
 * never stops the platform.
 */
public final class WarmUp {

    public static final String USER = "platform-warm-up";
    static final String ASSET_SERVICE = "asset-service";
    static final String VARIANT_WORKER = "variant-worker";
    static final String DOCUMENT_SERVICE = "document-service";
    public static final int MAX_UPLOADS = 5;
    /** An upload this fast from confirm to ready has met warm code all the way. */
    static final long FAST_MILLIS = 500;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 20;
    private static final String ESTIMATE = "{\"documentType\":\"estimate_pdf\",\"title\":\"Warm-up\",\"content\":{"
            + "\"currency\":\"EUR\",\"taxRate\":0.2,\"lines\":[{\"description\":\"Wall tiles\",\"quantity\":12.5,"
            + "\"unit\":\"m2\",\"unitPrice\":30},{\"description\":\"Labour\",\"quantity\":16,\"unit\":\"h\","
            + "\"unitPrice\":45}]}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * What the warm-up did: the session it made (deleted since), each upload's confirm → ready time in order, and
     * the estimate's request → ready (null when document-service does not run).
     */
    public record Report(String sessionId, List<Long> uploadMillis, Long documentMillis, long tookMillis) {

        @Override
        public String toString() {
            String uploads = uploadMillis.isEmpty() ? "" : uploadMillis.size() + " photo uploads (confirm → ready "
                    + String.join(", ", uploadMillis.stream().map(ms -> ms + "").toList()) + " ms)";
            String document = documentMillis == null ? "" : "an estimate (" + documentMillis + " ms)";
            return "warmed up in " + String.format("%.1f s", tookMillis / 1000.0) + ": " + uploads
                    + (uploads.isEmpty() || document.isEmpty() ? "" : " and ") + document;
        }
    }

    private final String api;
    private final String auth;
    private final boolean photos;
    private final boolean documents;

    private WarmUp(String api, String token, boolean photos, boolean documents) {
        this.api = api;
        this.auth = "Bearer " + token;
        this.photos = photos;
        this.documents = documents;
    }

    /** Whether {@code settings} runs asset-service and something behind it to warm. */
    static boolean applies(PlatformSettings settings) {
        return runs(settings, ASSET_SERVICE) && (runs(settings, VARIANT_WORKER) || runs(settings, DOCUMENT_SERVICE));
    }

    private static boolean runs(PlatformSettings settings, String service) {
        return settings.services().stream().anyMatch(s -> s.name().equals(service));
    }

    public static Report run(PlatformSettings settings, LocalTokens tokens) throws Exception {
        return new WarmUp(settings.serviceUrl(ASSET_SERVICE), tokens.token(USER, false, Duration.ofMinutes(10)),
                runs(settings, VARIANT_WORKER), runs(settings, DOCUMENT_SERVICE)).run();
    }

    private Report run() throws Exception {
        long begin = System.nanoTime();
        String session = send("POST", "/sessions", "{\"title\":\"Warm-up\"}").path("id").asText();
        try {
            CompletableFuture<Long> document = documents
                    ? CompletableFuture.supplyAsync(() -> estimate(session)) : CompletableFuture.completedFuture(null);
            List<Long> uploads = new ArrayList<>();
            if (photos) {
                String room = send("POST", "/sessions/" + session + "/rooms",
                        "{\"name\":\"Warm-up\",\"roomType\":\"kitchen\"}").path("id").asText();
                byte[] photo = photo(3264, 2448);
                int fastInARow = 0;
                while (uploads.size() < MAX_UPLOADS && fastInARow < 2) {
                    long millis = upload(room, numbered(photo, uploads.size()));
                    uploads.add(millis);
                    fastInARow = millis <= FAST_MILLIS ? fastInARow + 1 : 0;
                }
            }
            return new Report(session, uploads, document.join(), (System.nanoTime() - begin) / 1_000_000);
        } finally {
            send("DELETE", "/sessions/" + session, null);
        }
    }

    /** One photo: ticket, PUT to S3, confirm; then confirm → ready in milliseconds. */
    private long upload(String room, byte[] photo) throws Exception {
        JsonNode ticket = send("POST", "/assets/uploads", "{\"roomId\":\"" + room + "\",\"assetType\":\"photo\","
                + "\"filename\":\"warm-up.jpg\",\"contentType\":\"image/jpeg\",\"size\":" + photo.length + "}");
        String asset = ticket.path("assetId").asText();
        HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(ticket.path("uploadUrl").asText()))
                .header("Content-Type", "image/jpeg").header("x-amz-acl", "private") // the ticket's signed headers
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(), HttpResponse.BodyHandlers.discarding());
        if (put.statusCode() != 200) {
            throw new IOException("the upload's PUT answered " + put.statusCode());
        }
        send("POST", "/assets/" + asset + "/confirm", "");
        long confirmed = System.nanoTime();
        awaitStatus("/assets/" + asset, "ready", "uploaded", "processing");
        return (System.nanoTime() - confirmed) / 1_000_000;
    }

    private Long estimate(String session) {
        try {
            long start = System.nanoTime();
            String id = send("POST", "/sessions/" + session + "/documents", ESTIMATE).path("id").asText();
            awaitStatus("/documents/" + id, DocumentStatus.READY.value(), DocumentStatus.PENDING.value(),
                    DocumentStatus.RENDERING.value());
            return (System.nanoTime() - start) / 1_000_000;
        } catch (Exception e) {
            throw new IllegalStateException("the estimate: " + e.getMessage(), e);
        }
    }

    /** Asks until the resource has {@code wanted}; any status but the {@code passing} ones fails. */
    private void awaitStatus(String path, String wanted, String... passing) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            String status = send("GET", path, null).path("status").asText();
            if (status.equals(wanted)) {
                return;
            }
            if (!List.of(passing).contains(status) || System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " is " + status);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private JsonNode send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(30));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A camera-sized JPEG that compresses like a photo (a gradient with grain), not like a flat card. */
    static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 170, 120), width, height, new Color(60, 80, 110)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Random random = new Random(7);
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int rgb = image.getRGB(x, y);
                int grain = random.nextInt(25) - 12;
                image.setRGB(x, y, new Color(clamp((rgb >> 16 & 0xff) + grain), clamp((rgb >> 8 & 0xff) + grain),
                        clamp((rgb & 0xff) + grain)).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** The JPEG with a comment numbering it: each upload a file of its own (a session holds one copy of any bytes). */
    private static byte[] numbered(byte[] jpeg, long n) {
        byte[] text = ("upload " + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[jpeg.length + 4 + text.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE; // COM
        out[4] = (byte) ((text.length + 2) >> 8);
        out[5] = (byte) (text.length + 2);
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }
}
