package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Creating, listing and revoking links: defaults, limits, whose assets, and the token shown once. */
@QuarkusTest
class LinkCreationIT {

    private static String photo(String user, String room, String name) {
        return TestSupport.upload(user, room, "photo", name, "image/jpeg", TestSupport.jpeg(40, 30));
    }

    private static void problem(Response response, int status, String type) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:media-platform:problem:" + type)).body("status", equalTo(status));
    }

    @Test
    void aLinkGetsTheDefaultsAndItsTokenOnceInItsUrl() {
        String user = TestSupport.newUser();
        String asset = photo(user, TestSupport.sessionWithRoom(user).get(1), "a.jpg");
        Instant before = Instant.now();

        Response created = LinkTestSupport.create(user, Map.of("kind", "single", "assetIds", List.of(asset)));

        created.then().statusCode(201).body("kind", equalTo("single")).body("maxDownloads", equalTo(10))
                .body("downloads", equalTo(0)).body("lastAccessedAt", nullValue()).body("status", equalTo("active"))
                .body("assetIds", equalTo(List.of(asset))).body("collectionId", nullValue());
        String token = created.path("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat((String) created.path("url")).isEqualTo("http://localhost:" + RestAssured.port + "/d/" + token);
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));

        Map<String, Object> listed = LinkTestSupport.listed(user, created.path("id"));
        assertThat(listed).containsEntry("token", null).containsEntry("url", null).containsEntry("status", "active");
        assertThat(as(user).get("/links").asString()).doesNotContain(token);
    }

    @Test
    void lifetimeAndDownloadCountMustBeWithinBounds() {
        String user = TestSupport.newUser();
        String asset = photo(user, TestSupport.sessionWithRoom(user).get(1), "a.jpg");
        LinkTestSupport.create(user, Map.of("kind", "zip", "assetIds", List.of(asset), "expiresIn", "PT1M",
                "maxDownloads", 1000)).then().statusCode(201).body("maxDownloads", equalTo(1000));
        LinkTestSupport.create(user, Map.of("kind", "share", "assetIds", List.of(asset), "expiresIn", "P30D",
                "maxDownloads", 1)).then().statusCode(201);

        for (Map<String, Object> extra : List.<Map<String, Object>>of(Map.of("expiresIn", "PT59S"),
                Map.of("expiresIn", "P31D"), Map.of("expiresIn", "-PT5M"), Map.of("maxDownloads", 0),
                Map.of("maxDownloads", 1001))) {
            Map<String, Object> body = new HashMap<>(Map.of("kind", "single", "assetIds", List.of(asset)));
            body.putAll(extra);
            Response refused = LinkTestSupport.create(user, body);
            problem(refused, 400, "validation");
            assertThat((String) refused.path("errors[0].field")).isEqualTo(extra.keySet().iterator().next());
        }
        problem(LinkTestSupport.create(user, Map.of("kind", "single", "assetIds", List.of(asset), "expiresIn",
                "a week")), 400, "malformed-json");
        problem(LinkTestSupport.create(user, Map.of("kind", "everything", "assetIds", List.of(asset))), 400,
                "malformed-json");
        problem(LinkTestSupport.create(user, Map.of("assetIds", List.of(asset))), 400, "validation");
    }

    @Test
    void targetsMustBeOneAssetForSingleOrDistinctAssetsUpTo200OrACollection() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        String a = photo(user, room, "a.jpg");
        String b = photo(user, room, "b.jpg");
        List<Object> tooMany = new ArrayList<>(Stream.generate(() -> UUID.randomUUID().toString()).limit(200).toList());
        tooMany.add(a);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("kind", "single", "assetIds", List.of(a, b)),
                Map.of("kind", "single", "assetIds", List.of()),
                Map.of("kind", "zip", "assetIds", tooMany),
                Map.of("kind", "zip", "assetIds", List.of(a, b, a)),
                Map.of("kind", "share", "assetIds", List.of(a), "collectionId", UUID.randomUUID().toString()),
                Map.of("kind", "share"))) {
            problem(LinkTestSupport.create(user, body), 400, "validation");
        }
        LinkTestSupport.create(user, Map.of("kind", "zip", "assetIds", List.of(b, a))).then().statusCode(201)
                .body("assetIds", equalTo(List.of(b, a)));
    }

    @Test
    void anotherUsersOrAnUnknownAssetIsNotFoundAndAPendingOneIsAConflict() {
        String owner = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(owner).get(1);
        String theirs = photo(owner, room, "theirs.jpg");
        String stranger = TestSupport.newUser();
        String mine = photo(stranger, TestSupport.sessionWithRoom(stranger).get(1), "mine.jpg");

        problem(LinkTestSupport.create(stranger, Map.of("kind", "single", "assetIds", List.of(theirs))), 404,
                "not-found");
        problem(LinkTestSupport.create(stranger, Map.of("kind", "zip", "assetIds", List.of(mine, theirs))), 404,
                "not-found");
        problem(LinkTestSupport.create(stranger, Map.of("kind", "zip", "assetIds",
                List.of(mine, UUID.randomUUID().toString()))), 404, "not-found");
        problem(LinkTestSupport.create(stranger, Map.of("kind", "share", "collectionId",
                UUID.randomUUID().toString())), 404, "not-found");
        problem(LinkTestSupport.asAdmin().body(Map.of("kind", "single", "assetIds", List.of(theirs))).post("/links"), 403, "forbidden");

        String pending = TestSupport.requestUpload(owner, room, "photo", "later.jpg", "image/jpeg", 100)
                .then().statusCode(201).extract().path("assetId");
        problem(LinkTestSupport.create(owner, Map.of("kind", "zip", "assetIds", List.of(theirs, pending))), 409,
                "conflict");
        assertThat(as(owner).get("/links").then().statusCode(200).extract().<List<?>>path("items")).isEmpty();
    }

    @Test
    void theOwnersListIsNewestFirstAndPagesWithACursor() {
        String user = TestSupport.newUser();
        String asset = photo(user, TestSupport.sessionWithRoom(user).get(1), "a.jpg");
        List<String> ids = new ArrayList<>();
        for (String kind : List.of("single", "zip", "share")) {
            ids.add(LinkTestSupport.create(user, Map.of("kind", kind, "assetIds", List.of(asset)))
                    .then().statusCode(201).extract().path("id"));
        }
        Response first = as(user).get("/links?limit=2");
        first.then().statusCode(200).body("items", hasSize(2)).body("items[0].id", equalTo(ids.get(2)))
                .body("items[1].id", equalTo(ids.get(1))).body("items[0].token", nullValue());
        as(user).get("/links?limit=2&cursor=" + first.path("nextCursor")).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(ids.get(0))).body("nextCursor", nullValue());
        as(TestSupport.newUser()).get("/links").then().statusCode(200).body("items", hasSize(0));
        problem(as(user).get("/links?cursor=nonsense"), 400, "invalid-cursor");
    }

    @Test
    void revokingIsTheOwnersIdempotentAndFinal() {
        String user = TestSupport.newUser();
        String asset = photo(user, TestSupport.sessionWithRoom(user).get(1), "a.jpg");
        Response created = LinkTestSupport.create(user, Map.of("kind", "share", "assetIds", List.of(asset)));
        String id = created.path("id");
        String token = created.path("token");
        LinkTestSupport.open(token).then().statusCode(200);

        problem(as(TestSupport.newUser()).delete("/links/" + id), 404, "not-found");
        problem(LinkTestSupport.asAdmin().delete("/links/" + id), 403, "forbidden");
        LinkTestSupport.open(token).then().statusCode(200);

        as(user).delete("/links/" + id).then().statusCode(204);
        as(user).delete("/links/" + id).then().statusCode(204);
        problem(as(user).delete("/links/" + UUID.randomUUID()), 404, "not-found");
        problem(LinkTestSupport.open(token), 410, "gone");
        assertThat(LinkTestSupport.listed(user, id)).containsEntry("status", "revoked").containsEntry("downloads", 2);
        as(user).get("/links").then().body("items[0].lastAccessedAt", startsWith("20"));
    }
}
