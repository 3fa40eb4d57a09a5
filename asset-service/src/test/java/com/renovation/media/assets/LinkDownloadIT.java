package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Opening links anonymously: what each kind answers, the atomic count, and every way a link stops working. */
@QuarkusTest
class LinkDownloadIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static void gone(String token) {
        LinkTestSupport.open(token).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:media-platform:problem:gone"));
    }

    private static void unknown(String token) {
        LinkTestSupport.open(token).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:media-platform:problem:not-found"));
    }

    @Test
    void aSingleLinkRedirectsToAFreshSignedUrlThatDownloadsTheOriginalAsAnAttachment() throws Exception {
        String user = TestSupport.newUser();
        byte[] original = TestSupport.jpeg(320, 240);
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "Küche vorher.jpg",
                "image/jpeg", original);
        String token = LinkTestSupport.token(user, Map.of("kind", "single", "assetIds", List.of(asset)));

        Response first = LinkTestSupport.open(token);
        first.then().statusCode(303).header("Cache-Control", "no-store");
        String location = first.header("Location");
        assertThat(location).contains("X-Amz-Signature", "response-content-disposition=attachment");
        HttpResponse<byte[]> download = TestSupport.get(location);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(original);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment").contains("K%C3%BCche%20vorher.jpg"));
        assertThat(location).as("short-lived").contains("X-Amz-Expires=300&");
        Thread.sleep(1100); // signatures are made to the second
        Response second = LinkTestSupport.open(token);
        assertThat(second.header("Location")).as("signed again at each download").isNotEqualTo(location);

        // the audit log names who opened it: anonymous, from where, with what
        String linkId = LinkTestSupport.query(String.class, "SELECT id::text FROM links WHERE owner_id = :owner",
                "owner", user);
        assertThat(LinkTestSupport.query(String.class, "SELECT actor || ' ' || host(ip) || ' ' || user_agent"
                + " FROM audit_log WHERE entity_type = 'link' AND entity_id = CAST(:id AS uuid) AND action = 'updated'"
                + " ORDER BY id DESC LIMIT 1", "id", linkId)).matches("anonymous [0-9a-f.:]+ \\S+.*");
        assertThat(LinkTestSupport.query(String.class, "SELECT actor FROM audit_log WHERE entity_type = 'link'"
                + " AND entity_id = CAST(:id AS uuid) AND action = 'created'", "id", linkId)).isEqualTo(user);
    }

    @Test
    void aShareLinkShowsTheItemsVariantsAndNothingElse() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        String asset = TestSupport.upload(user, room, "photo", "living.jpg", "image/jpeg", TestSupport.jpeg(400, 300));
        String bare = TestSupport.upload(user, room, "photo", "bath.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        as(user).body(Map.of("metadata", Map.of("gps", "52.52,13.40"), "caption", "secret caption"))
                .patch("/assets/" + asset).then().statusCode(200);
        String key = as(user).get("/assets/" + asset).path("storagePath");
        for (String type : List.of("thumbnail", "optimized")) {
            KafkaTestClient.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(asset),
                    type, "webp", 400, 300, 1234, "user-uploads",
                    key.replace("photos/", "photos/variants/") + "_" + type + ".webp", "image/webp", 1));
        }
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + asset).then().body("variants", hasSize(2)));
        Response created = LinkTestSupport.create(user, Map.of("kind", "share", "assetIds", List.of(asset, bare)));

        Response shared = LinkTestSupport.open(created.path("token"));

        shared.then().statusCode(200).contentType("application/json").body("kind", equalTo("share"))
                .body("expiresAt", equalTo(created.path("expiresAt"))).body("items", hasSize(2))
                .body("items[0].title", nullValue()).body("items[0].width", equalTo(400))
                .body("items[0].variants", hasSize(2))
                .body("items[0].variants[0].url", containsString("X-Amz-Signature"))
                .body("items[0].variants.url", org.hamcrest.Matchers.everyItem(containsString("/variants/")))
                .body("items[1].height", equalTo(30)).body("items[1].variants", hasSize(0));
        Map<String, Object> item = shared.path("items[0]");
        assertThat(item).containsOnlyKeys("title", "width", "height", "variants");
        assertThat(shared.asString()).doesNotContain(asset, bare, key, "52.52", "secret caption", "sha256",
                "downloadUrl", user);
    }

    @Test
    void threeAllowedDownloadsUnderTwentyConcurrentRequestsAreExactlyThree() throws Exception {
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        Response created = LinkTestSupport.create(user, Map.of("kind", "single", "assetIds", List.of(asset),
                "maxDownloads", 3));
        String token = created.path("token");

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                requests.add(() -> LinkTestSupport.status(token));
            }
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.println("20 concurrent downloads of a 3-download link: " + statuses);
        assertThat(statuses).filteredOn(s -> s == 303).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 410).hasSize(17);
        assertThat(LinkTestSupport.listed(user, created.path("id"))).containsEntry("downloads", 3)
                .containsEntry("status", "spent");
        gone(token);
    }

    @Test
    void anExpiredLinkIsGone() {
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        Response created = LinkTestSupport.create(user, Map.of("kind", "share", "assetIds", List.of(asset),
                "expiresIn", "PT1M"));
        String token = created.path("token");
        LinkTestSupport.open(token).then().statusCode(200);

        LinkTestSupport.sql("UPDATE links SET expires_at = now() - interval '1 second' WHERE id = :id",
                "id", UUID.fromString(created.path("id")));

        gone(token);
        LinkTestSupport.open(token).then().body("detail", containsString("expired"));
        assertThat(LinkTestSupport.listed(user, created.path("id"))).containsEntry("status", "expired")
                .containsEntry("downloads", 1);
    }

    @Test
    void aLinkIsGoneOnceOneOfItsAssetsOrTheirSessionIsDeleted() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String a = TestSupport.upload(user, ids.get(1), "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String b = TestSupport.upload(user, ids.get(1), "photo", "b.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        Response both = LinkTestSupport.create(user, Map.of("kind", "zip", "assetIds", List.of(a, b)));
        String onlyB = LinkTestSupport.token(user, Map.of("kind", "single", "assetIds", List.of(b)));
        LinkTestSupport.open(onlyB).then().statusCode(303);

        as(user).delete("/assets/" + a).then().statusCode(204);

        gone(both.path("token"));
        LinkTestSupport.open(both.path("token")).then().body("detail", containsString("no longer exists"));
        assertThat(LinkTestSupport.listed(user, both.path("id"))).containsEntry("status", "gone")
                .containsEntry("downloads", 0).containsEntry("assetIds", List.of(b));
        LinkTestSupport.open(onlyB).then().statusCode(303);

        as(user).delete("/sessions/" + ids.get(0)).then().statusCode(204);

        gone(onlyB);
    }

    @Test
    void aTamperedOrMalformedTokenIsNotFound() {
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        String token = LinkTestSupport.token(user, Map.of("kind", "share", "assetIds", List.of(asset)));

        for (int at : new int[] {0, 21, 41}) {
            char other = token.charAt(at) == 'A' ? 'B' : 'A';
            unknown(token.substring(0, at) + other + token.substring(at + 1));
        }
        unknown(token.substring(1));
        unknown(token + "A");
        unknown("not-a-token");
        LinkTestSupport.open(token).then().statusCode(200);
    }
}
