package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The permanent library: saving assets and catalog images, organising them, forgetting them. */
@QuarkusTest
class LibraryIT {

    private static final String VALIDATION = "urn:media-platform:problem:validation";

    @Test
    void savingIsIdempotentAndKeepsAWorkspaceAssetForGood() {
        String user = TestSupport.newUser();
        String asset = uploadToWorkspace(user, "render.png");
        as(user).get("/assets/" + asset).then().body("expiresAt", notNullValue());

        Response first = save(user, Map.of("assetId", asset));
        first.then().statusCode(201).header("Location", containsString("/library/items/" + first.path("id")))
                .body("kind", equalTo("asset")).body("assetId", equalTo(asset))
                .body("styleImageId", nullValue()).body("title", equalTo("render.png"))
                .body("contentType", equalTo("image/png")).body("width", equalTo(40)).body("favourite", equalTo(false));
        assertThat(TestSupport.get(first.path("downloadUrl")).statusCode()).as("the original").isEqualTo(200);
        as(user).get("/assets/" + asset).then().body("expiresAt", nullValue());
        as(user).get("/workspace").then().body("items.size()", equalTo(0));

        save(user, Map.of("assetId", asset)).then().statusCode(200).body("id", equalTo(first.path("id")));
        as(user).get("/library/items").then().body("items.size()", equalTo(1));
    }

    @Test
    void onlyTheCallersConfirmedAssetsAndExistingCatalogImagesCanBeSaved() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        String pending = TestSupport.requestUpload(user, room, "photo", "p.jpg", "image/jpeg", 100).path("assetId");
        save(user, Map.of("assetId", pending)).then().statusCode(409);

        String stranger = TestSupport.newUser();
        String foreign = TestSupport.upload(stranger, TestSupport.sessionWithRoom(stranger).get(1), "photo", "f.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        save(user, Map.of("assetId", foreign)).then().statusCode(404);
        save(user, Map.of("styleImageId", UUID.randomUUID().toString())).then().statusCode(404);
        save(user, Map.of("assetId", foreign, "styleImageId", UUID.randomUUID().toString())).then()
                .statusCode(400).body("type", equalTo(VALIDATION));
        save(user, Map.of()).then().statusCode(400).body("type", equalTo(VALIDATION));

        String image = LibraryTestData.catalogImage("Warm oak kitchen");
        Response saved = save(user, Map.of("styleImageId", image));
        saved.then().statusCode(201).body("kind", equalTo("style_image")).body("styleImageId", equalTo(image))
                .body("assetId", nullValue()).body("downloadUrl", nullValue())
                .body("title", equalTo("Warm oak kitchen")).body("width", equalTo(2400))
                .body("contentType", equalTo("image/jpeg"))
                .body("variants.size()", equalTo(2)).body("variants[0].url", containsString("thumbnail"));
        save(user, Map.of("styleImageId", image)).then().statusCode(200).body("id", equalTo(saved.path("id")));
        as(user).get("/library/items").then().body("items.size()", equalTo(1));
    }

    @Test
    void theListFiltersByFavouriteAndTagAndPages() {
        String user = TestSupport.newUser();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(save(user, Map.of("styleImageId", LibraryTestData.catalogImage("image " + i)))
                    .then().statusCode(201).extract().path("id"));
        }
        as(user).body(Map.of("favourite", true, "tags", List.of(" Kitchen ", "kitchen", "Blue")))
                .patch("/library/items/" + items.get(0)).then().statusCode(200)
                .body("tags", equalTo(List.of("kitchen", "blue"))).body("favourite", equalTo(true));
        as(user).body(Map.of("tags", List.of("bath"))).patch("/library/items/" + items.get(1)).then().statusCode(200);

        assertThat(ids(as(user).get("/library/items?favourite=true"))).containsExactly(items.get(0));
        assertThat(ids(as(user).get("/library/items?favourite=false"))).containsExactly(items.get(2), items.get(1));
        assertThat(ids(as(user).get("/library/items?tag=KITCHEN"))).containsExactly(items.get(0));
        assertThat(ids(as(user).get("/library/items?tag=bath&favourite=true"))).isEmpty();

        Response page = as(user).get("/library/items?limit=2");
        String cursor = page.path("nextCursor");
        assertThat(ids(page)).containsExactly(items.get(2), items.get(1));
        Response last = as(user).get("/library/items?limit=2&cursor=" + cursor);
        assertThat(ids(last)).containsExactly(items.get(0));
        assertThat((String) last.path("nextCursor")).isNull();
        // another user's list is theirs alone
        assertThat(ids(as(TestSupport.newUser()).get("/library/items"))).isEmpty();
    }

    @Test
    void aPatchBreakingTheRulesIsRefusedWithAProblem() {
        String user = TestSupport.newUser();
        String item = save(user, Map.of("styleImageId", LibraryTestData.catalogImage("Loft")))
                .then().statusCode(201).extract().path("id");
        String path = "/library/items/" + item;
        List<String> tooMany = IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList();
        for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("tags", tooMany),
                Map.of("tags", List.of("x".repeat(51))), Map.of("tags", List.of("  ")),
                Map.of("customTitle", "t".repeat(201)))) {
            as(user).body(patch).patch(path).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(VALIDATION))
                    .body("errors[0].field", equalTo(patch.keySet().iterator().next()));
        }
        as(user).get(path).then().body("tags", equalTo(List.of())).body("title", equalTo("Loft"));

        as(user).body(Map.of("customTitle", "  My loft  ")).patch(path).then().statusCode(200)
                .body("title", equalTo("My loft")).body("customTitle", equalTo("My loft"));
        as(user).body(Map.of("favourite", true)).patch(path).then().statusCode(200)
                .body("customTitle", equalTo("My loft")); // absent fields stay
        as(user).body(Map.of("customTitle", "")).patch(path).then().statusCode(200)
                .body("customTitle", nullValue()).body("title", equalTo("Loft"));
        // refused changes left no trace; the accepted ones are in the audit log under the caller's name
        as(user).queryParam("entityType", "library_item").queryParam("entityId", item).get("/audit").then()
                .statusCode(200).body("items.action", containsInAnyOrder("created", "updated", "updated", "updated"))
                .body("items.actor", everyItem(equalTo(user)));
    }

    @Test
    void deletingAnItemKeepsTheAssetAndReturnsAWorkspaceAssetToTheWorkspace() {
        String user = TestSupport.newUser();
        String asset = uploadToWorkspace(user, "render.png");
        String item = save(user, Map.of("assetId", asset)).then().statusCode(201).extract().path("id");

        as(user).delete("/library/items/" + item).then().statusCode(204);
        as(user).get("/library/items/" + item).then().statusCode(404);
        as(user).delete("/library/items/" + item).then().statusCode(404);
        Instant expiresAt = Instant.parse(as(user).get("/assets/" + asset).then().statusCode(200)
                .extract().path("expiresAt"));
        assertThat(expiresAt).as("back in the workspace for 7 days")
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(5, ChronoUnit.MINUTES));
        as(user).get("/workspace").then().body("items.id", equalTo(List.of(asset)));

        // a project's asset never expires, kept or not
        String projectRoom = TestSupport.sessionWithRoom(user).get(1);
        String photo = TestSupport.upload(user, projectRoom, "photo", "p.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String kept = save(user, Map.of("assetId", photo)).then().statusCode(201).extract().path("id");
        as(user).delete("/library/items/" + kept).then().statusCode(204);
        as(user).get("/assets/" + photo).then().statusCode(200).body("expiresAt", nullValue());
    }

    /** A generated image in the user's workspace, where it expires unless saved. */
    private static String uploadToWorkspace(String user, String filename) {
        byte[] png = TestSupport.png(40, 30);
        Response ticket = as(user).body(Map.of("workspace", true, "assetType", "render", "filename", filename,
                "contentType", "image/png", "size", png.length, "source", "ai_generated")).post("/assets/uploads");
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket, png)).isEqualTo(200);
        as(user).post("/assets/" + ticket.path("assetId") + "/confirm").then().statusCode(200);
        return ticket.path("assetId");
    }

    private static Response save(String user, Map<String, ?> body) {
        return as(user).body(body).post("/library/items");
    }

    private static List<String> ids(Response page) {
        page.then().statusCode(200);
        List<String> ids = page.path("items.id");
        return ids == null ? Collections.emptyList() : ids;
    }
}
