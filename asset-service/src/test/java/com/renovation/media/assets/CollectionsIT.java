package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Collections (moodboards): their items, order, cover, exact count, and what the public sees of them. */
@QuarkusTest
class CollectionsIT {

    private static final String VALIDATION = "urn:media-platform:problem:validation";

    @Test
    void aCollectionIsCreatedReadChangedAndDeleted() {
        String user = TestSupport.newUser();
        Response created = as(user).body(Map.of("name", "  Küche & Bad!  ", "description", "Warm tones",
                "tags", List.of("Oak", "oak", "warm"))).post("/collections");
        created.then().statusCode(201).header("Location", containsString("/collections/" + created.path("id")))
                .body("name", equalTo("Küche & Bad!")).body("visibility", equalTo("private"))
                .body("slug", matchesPattern("kuche-bad-[a-z2-7]{16}")).body("itemCount", equalTo(0))
                .body("tags", equalTo(List.of("oak", "warm"))).body("coverItemId", nullValue())
                .body("coverUrl", nullValue());
        String id = created.path("id");
        String slug = created.path("slug");

        as(user).get("/collections/" + id).then().statusCode(200).body("slug", equalTo(slug));
        as(user).get("/collections").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(user).body(Map.of("name", "Kitchen", "description", "", "visibility", "unlisted")).patch("/collections/" + id)
                .then().statusCode(200).body("name", equalTo("Kitchen")).body("slug", equalTo(slug))
                .body("description", nullValue()).body("visibility", equalTo("unlisted"))
                .body("tags", equalTo(List.of("oak", "warm")));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("name", ""), Map.of("name", "n".repeat(201)),
                Map.of("name", "x", "description", "d".repeat(2001)), Map.of("name", "x", "tags", List.of("t".repeat(51))))) {
            as(user).body(bad).post("/collections").then().statusCode(400).body("type", equalTo(VALIDATION));
        }
        as(user).body(Map.of("name", "x", "visibility", "secret")).post("/collections").then().statusCode(400);
        as(user).body(Map.of("name", " ")).patch("/collections/" + id).then().statusCode(400);
        // a name of symbols only still gets an address of random characters
        as(user).body(Map.of("name", "★★★")).post("/collections").then().statusCode(201)
                .body("slug", matchesPattern("[a-z2-7]{16}"));

        String item = saveStyleImage(user, "Oak");
        addItem(user, id, item).then().statusCode(201);
        as(user).delete("/collections/" + id).then().statusCode(204);
        as(user).get("/collections/" + id).then().statusCode(404);
        as(user).get("/library/items/" + item).then().statusCode(200);
    }

    @Test
    void itemCountStaysExactUnderConcurrentChangesAndErasure() throws Exception {
        String user = TestSupport.newUser();
        String id = createCollection(user, "Concurrent", "private").path("id");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(saveStyleImage(user, "image " + i));
        }
        List<Callable<Integer>> adds = items.subList(0, 20).stream()
                .<Callable<Integer>>map(item -> () -> addItem(user, id, item).statusCode()).toList();
        assertThat(concurrently(adds)).as("20 concurrent adds").containsOnly(201);
        assertThat(count(user, id)).isEqualTo(20);

        // 10 removes racing 10 adds (and 5 repeated adds of items already in)
        List<Callable<Integer>> mixed = new ArrayList<>();
        items.subList(0, 10).forEach(item -> mixed.add(() -> as(user).delete("/collections/" + id + "/items/" + item)
                .statusCode()));
        items.subList(20, 30).forEach(item -> mixed.add(() -> addItem(user, id, item).statusCode()));
        items.subList(10, 15).forEach(item -> mixed.add(() -> addItem(user, id, item).statusCode()));
        List<Integer> statuses = concurrently(mixed);
        assertThat(statuses.subList(0, 10)).containsOnly(204);
        assertThat(statuses.subList(10, 20)).containsOnly(201);
        assertThat(statuses.subList(20, 25)).containsOnly(200);
        assertThat(count(user, id)).isEqualTo(20);
        assertThat(itemIds(user, id, 100)).hasSize(20).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(items.subList(10, 30));

        as(user).delete("/library/items/" + items.get(29)).then().statusCode(204);
        assertThat(count(user, id)).as("after a library item's deletion").isEqualTo(19);

        // two assets of one session, in the collection: erasing the session takes them out
        List<String> session = TestSupport.sessionWithRoom(user);
        for (String name : List.of("a.jpg", "b.jpg")) {
            String asset = TestSupport.upload(user, session.get(1), "photo", name, "image/jpeg", TestSupport.jpeg(40, 30));
            String item = as(user).body(Map.of("assetId", asset)).post("/library/items").then().statusCode(201)
                    .extract().path("id");
            addItem(user, id, item).then().statusCode(201).body("itemCount", equalTo(count(user, id)));
        }
        assertThat(count(user, id)).isEqualTo(21);
        as(user).delete("/sessions/" + session.get(0)).then().statusCode(204);
        assertThat(count(user, id)).as("after the session's erasure").isEqualTo(19);
        assertThat(itemIds(user, id, 100)).hasSize(19);
    }

    @Test
    void itemsKeepTheirOrderWhichCanBeChangedAndTheCoverIsOneOfThem() {
        String user = TestSupport.newUser();
        String id = createCollection(user, "Order", "private").path("id");
        List<String> items = List.of(saveStyleImage(user, "one"), saveStyleImage(user, "two"),
                saveStyleImage(user, "three"));
        items.forEach(item -> addItem(user, id, item).then().statusCode(201));
        addItem(user, id, items.get(1)).then().statusCode(200).body("itemCount", equalTo(3));
        assertThat(itemIds(user, id, 100)).containsExactlyElementsOf(items);

        List<String> reversed = List.of(items.get(2), items.get(1), items.get(0));
        as(user).body(Map.of("libraryItemIds", reversed)).put("/collections/" + id + "/items/order").then()
                .statusCode(200).body("itemCount", equalTo(3));
        assertThat(itemIds(user, id, 100)).containsExactlyElementsOf(reversed);
        assertThat(itemIds(user, id, 2)).as("paged in order").containsExactlyElementsOf(reversed);

        String foreign = saveStyleImage(TestSupport.newUser(), "foreign");
        for (List<String> bad : List.of(items.subList(0, 2), List.of(items.get(0), items.get(0), items.get(1)),
                List.of(items.get(0), items.get(1), foreign), List.<String>of())) {
            as(user).body(Map.of("libraryItemIds", bad)).put("/collections/" + id + "/items/order").then()
                    .statusCode(400).body("type", equalTo(VALIDATION));
        }
        assertThat(itemIds(user, id, 100)).containsExactlyElementsOf(reversed);
        addItem(user, id, foreign).then().statusCode(404);

        String outside = saveStyleImage(user, "outside");
        as(user).body(Map.of("coverItemId", outside)).patch("/collections/" + id).then().statusCode(400)
                .body("type", equalTo(VALIDATION));
        as(user).body(Map.of("coverItemId", items.get(1))).patch("/collections/" + id).then().statusCode(200)
                .body("coverItemId", equalTo(items.get(1))).body("coverUrl", containsString("thumbnail"));
        as(user).get("/collections").then().body("items[0].coverUrl", containsString("thumbnail"));
        as(user).delete("/collections/" + id + "/items/" + items.get(1)).then().statusCode(204);
        as(user).delete("/collections/" + id + "/items/" + items.get(1)).then().statusCode(404);
        as(user).get("/collections/" + id).then().body("coverItemId", nullValue()).body("coverUrl", nullValue())
                .body("itemCount", equalTo(2));
        as(user).queryParam("entityType", "collection").queryParam("entityId", id).get("/audit").then()
                .statusCode(200).body("items.action", hasItems("created", "item_added", "item_moved", "item_removed"))
                .body("items.actor", everyItem(equalTo(user)));
    }

    @Test
    void thePublicSeesPublicAndUnlistedCollectionsButNeverPrivateOnesNorOriginals() {
        String user = TestSupport.newUser();
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        String room = TestSupport.sessionWithRoom(user).get(1);
        String asset = TestSupport.upload(user, room, "photo", "home-of-jane-doe.jpg", "image/jpeg",
                TestSupport.jpeg(40, 30));
        as(user).body(Map.of("metadata", Map.of("prompt", "secret prompt"))).patch("/assets/" + asset)
                .then().statusCode(200);
        String storagePath = as(user).get("/assets/" + asset).path("storagePath");
        String photo = as(user).body(Map.of("assetId", asset)).post("/library/items").then().statusCode(201)
                .extract().path("id");
        String image = saveStyleImage(user, "Scandi living");

        Map<String, String> slugs = new java.util.HashMap<>();
        for (String visibility : List.of("private", "unlisted", "public")) {
            Response c = as(user).body(Map.of("name", visibility + " board", "visibility", visibility,
                    "tags", List.of(tag))).post("/collections");
            String id = c.then().statusCode(201).extract().path("id");
            addItem(user, id, photo).then().statusCode(201);
            addItem(user, id, image).then().statusCode(201);
            as(user).body(Map.of("coverItemId", image)).patch("/collections/" + id).then().statusCode(200);
            slugs.put(visibility, c.path("slug"));
        }

        given().get("/public/collections/" + slugs.get("private")).then().statusCode(404);
        given().get("/public/collections/" + slugs.get("private").replaceAll(".$", "")).then().statusCode(404);
        for (String visibility : List.of("unlisted", "public")) {
            Response shown = given().get("/public/collections/" + slugs.get(visibility));
            shown.then().statusCode(200).body("name", equalTo(visibility + " board")).body("itemCount", equalTo(2))
                    .body("tags", equalTo(List.of(tag))).body("coverUrl", containsString("thumbnail"))
                    .body("items.size()", equalTo(2)).body("items[0].title", nullValue())
                    .body("items[0].width", equalTo(40)).body("items[1].title", equalTo("Scandi living"))
                    .body("items[1].variants.size()", equalTo(2));
            assertNothingPrivate(shown.asString(), storagePath, asset, photo);
        }
        Response paged = given().get("/public/collections/" + slugs.get("public") + "?limit=1");
        given().get("/public/collections/" + slugs.get("public") + "?limit=1&cursor=" + paged.path("nextCursor"))
                .then().statusCode(200).body("items[0].title", equalTo("Scandi living")).body("nextCursor", nullValue());

        Response listed = given().get("/public/collections?tag=" + tag.toUpperCase());
        listed.then().statusCode(200).body("items.slug", equalTo(List.of(slugs.get("public"))))
                .body("items[0].itemCount", equalTo(2)).body("items[0].coverUrl", containsString("thumbnail"));
        assertNothingPrivate(listed.asString(), storagePath, asset, photo);
        given().get("/public/collections?tag=other-" + tag).then().statusCode(200).body("items.size()", equalTo(0));

        // made private again, it is gone from the public at once
        String publicId = as(user).get("/collections").jsonPath().<Map<String, String>>getList("items").stream()
                .filter(c -> c.get("slug").equals(slugs.get("public"))).findFirst().orElseThrow().get("id");
        as(user).body(Map.of("visibility", "private")).patch("/collections/" + publicId).then().statusCode(200);
        given().get("/public/collections/" + slugs.get("public")).then().statusCode(404);
        given().get("/public/collections?tag=" + tag).then().body("items.size()", equalTo(0));
    }

    /** No id, owner, original, file name or metadata of the user's asset in what the public reads. */
    private static void assertNothingPrivate(String json, String storagePath, String assetId, String itemId) {
        assertThat(json).doesNotContain("downloadUrl", "assetId", "metadata", "\"id\"", "ownerId",
                "originalFilename", "home-of-jane-doe", "secret prompt", storagePath, assetId, itemId);
        assertThat(JsonPath.from(json).getMap("$")).doesNotContainKeys("id", "visibility", "coverItemId");
    }

    private static Response createCollection(String user, String name, String visibility) {
        Response created = as(user).body(Map.of("name", name, "visibility", visibility)).post("/collections");
        created.then().statusCode(201);
        return created;
    }

    private static String saveStyleImage(String user, String title) {
        return as(user).body(Map.of("styleImageId", LibraryTestData.catalogImage(title))).post("/library/items")
                .then().statusCode(201).extract().path("id");
    }

    private static Response addItem(String user, String collectionId, String itemId) {
        return as(user).body(Map.of("libraryItemId", itemId)).post("/collections/" + collectionId + "/items");
    }

    private static int count(String user, String collectionId) {
        return as(user).get("/collections/" + collectionId).then().statusCode(200).extract().path("itemCount");
    }

    /** Every item id of the collection in order, read in pages of {@code limit}. */
    private static List<String> itemIds(String user, String collectionId, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response page = as(user).get("/collections/" + collectionId + "/items?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static List<Integer> concurrently(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }
}
