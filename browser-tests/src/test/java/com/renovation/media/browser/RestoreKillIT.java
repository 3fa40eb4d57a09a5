package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localtokens.LocalTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A restore killed for real: asset-service runs as its own process and is sent SIGKILL once it has copied a
 * backup's originals into the new session's keys, before the one transaction that inserts the rows commits, then
 * started again. The test holds a SHARE lock on the sessions table meanwhile (a second or so; the journeys'
 * platform, which shares the database, may wait that long to create a session), so the restore's insert cannot
 * commit: the kill lands in that window every time, however quick the copies are. The new session must
 * not exist and the copies must be swept once their lease has passed (shortened here to seconds). A restore after
 * the restart still works. asset-service alone runs, on ports of its own, so the browser journeys' platform is not
 * disturbed.
 */
class RestoreKillIT {

    private static final String SERVICE = "asset-service";
    private static final String BUCKET = "user-uploads";
    private static final int PHOTOS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SHORT_LEASES = Map.of("PLATFORM_UPLOADS_WRITE_LEASE", "PT15S",
            "PLATFORM_UPLOADS_SWEEP_INTERVAL", "2s");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SoloService assets;
    private static PlatformSettings settings;
    private static S3Client s3;
    private static String token;

    @BeforeAll
    static void startAssetServiceAlone() throws Exception {
        assets = SoloService.start(SERVICE, 18180, 19180, SHORT_LEASES);
        settings = assets.settings;
        s3 = S3Client.builder().endpointOverride(URI.create(settings.s3Endpoint()))
                .region(Region.of(PlatformSettings.S3_REGION)).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        PlatformSettings.S3_ACCESS_KEY, PlatformSettings.S3_SECRET_KEY)))
                .build();
        token = new LocalTokens(settings.home()).token("restore-kill-" + UUID.randomUUID(), false,
                Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        if (assets != null) {
            assets.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aRestoreKilledBeforeItsRowsCommitLeavesNoSessionAndItsCopiesAreSwept() throws Exception {
        String session = call("POST", "/sessions", "{\"title\":\"Kill me\"}", 201).get("id").asText();
        String room = call("POST", "/sessions/" + session + "/rooms",
                "{\"name\":\"Kitchen\",\"roomType\":\"kitchen\"}", 201).get("id").asText();
        // a few originals: each copy is one request; the lock, not their number, gives the kill its window
        // each a file of its own: a session holds one copy of any bytes
        java.nio.file.Path photos = Files.createTempDirectory("restore-kill");
        for (int i = 0; i < PHOTOS; i++) {
            upload(room, "p" + i + ".jpg", Files.readAllBytes(TestFiles.photo(photos, "p" + i + ".jpg",
                    new java.awt.Color((40 + 23 * i) % 256, 60, 60), java.awt.Color.ORANGE)));
        }
        String backup = call("POST", "/sessions/" + session + "/backups", "", 201).get("id").asText();

        String leased;
        CompletableFuture<HttpResponse<String>> restore;
        try (Connection lock = database()) {
            lock.setAutoCommit(false);
            try (Statement holdInserts = lock.createStatement()) {
                holdInserts.execute("LOCK TABLE assets.sessions IN SHARE MODE");
            }
            Set<String> before = sessionLeases();
            scheduleSweepOfAnotherSession();
            restore = HTTP.sendAsync(request("POST", "/backups/" + backup + "/restore", ""),
                    HttpResponse.BodyHandlers.ofString());
            leased = awaitAllCopied(before, restore);
            kill9();
            lock.rollback();
        }
        assertThat(keysUnder(leased)).as("copies made before the kill").hasSize(PHOTOS);

        assertThat(restore.handle((response, failure) -> response == null ? -1 : response.statusCode()).get())
                .as("the killed restore's answer").isNotEqualTo(201);
        String restoredId = leased.substring("session_".length(), leased.length() - 1);
        assets.restart();
        assertThat(sessionRows(restoredId)).as("rows of the killed restore's session").isZero();
        assertThat(call("GET", "/sessions", null, 200).findValuesAsText("id")).doesNotContain(restoredId)
                .contains(session);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!keysUnder(leased).isEmpty()) {
            assertThat(System.nanoTime()).as("the copies of the killed restore are swept").isLessThan(deadline);
            Thread.sleep(500);
        }

        String newSession = call("POST", "/backups/" + backup + "/restore", "", 201).get("sessionId").asText();
        assertThat(keysUnder("session_" + newSession + "/")).hasSize(PHOTOS);
    }

    /** The session prefixes leased now (a sweep the journeys' platform scheduled, which shares the database). */
    private static Set<String> sessionLeases() throws Exception {
        try (Connection db = database();
                PreparedStatement leases = db.prepareStatement("SELECT prefix FROM assets.storage_sweeps"
                        + " WHERE prefix ~ '^session_[0-9a-f-]{36}/$' AND attempts = 0");
                ResultSet found = leases.executeQuery()) {
            Set<String> prefixes = new HashSet<>();
            while (found.next()) {
                prefixes.add(found.getString(1));
            }
            return prefixes;
        }
    }

    /** What the journeys' platform does when a session is deleted: a lease like the restore's, on no copies. */
    private static void scheduleSweepOfAnotherSession() throws Exception {
        try (Connection db = database();
                PreparedStatement sweep = db.prepareStatement("INSERT INTO assets.storage_sweeps"
                        + " (id, bucket, prefix, due_at) VALUES (?, ?, ?, now() + interval '30 seconds')")) {
            sweep.setObject(1, UUID.randomUUID());
            sweep.setString(2, BUCKET);
            sweep.setString(3, "session_" + UUID.randomUUID() + "/");
            sweep.executeUpdate();
        }
    }

    /**
     * The restore's new session prefix, once every original is copied under it: a prefix leased since
     * {@code before} that holds all of them. The rows cannot commit meanwhile: the test holds the lock.
     */
    private String awaitAllCopied(Set<String> before, CompletableFuture<?> restore) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(restore).as("the restore ended before it could be killed").isNotDone();
            for (String prefix : sessionLeases()) {
                if (!before.contains(prefix) && keysUnder(prefix).size() == PHOTOS) {
                    return prefix;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the restore never copied every original under a prefix it leased");
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(settings.jdbcUrl(PlatformSettings.DATABASE), PlatformSettings.DB_USER,
                PlatformSettings.DB_PASSWORD);
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux and macOS), at once: no shutdown hook runs. */
    private static void kill9() throws Exception {
        ProcessHandle process = assets.process();
        assertThat(process.destroyForcibly()).isTrue();
        process.onExit().get();
    }

    private static int sessionRows(String sessionId) throws Exception {
        try (Connection db = database();
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM assets.sessions WHERE id = ?")) {
            count.setObject(1, UUID.fromString(sessionId));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(o -> o.key()).toList();
    }

    private static void upload(String room, String name, byte[] bytes) throws Exception {
        JsonNode ticket = call("POST", "/assets/uploads", "{\"roomId\":\"" + room + "\",\"assetType\":\"photo\","
                + "\"filename\":\"" + name + "\",\"contentType\":\"image/jpeg\",\"size\":" + bytes.length + "}", 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        ticket.get("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as("PUT " + name)
                .isEqualTo(200);
        call("POST", "/assets/" + ticket.get("assetId").asText() + "/confirm", "", 200);
    }

    private static HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(assets.url() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
