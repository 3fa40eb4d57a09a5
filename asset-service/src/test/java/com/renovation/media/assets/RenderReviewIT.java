package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A render moves draft → pending_review → approved | rejected through {@code POST /assets/{id}/review} only:
 * every other decision answers 409 naming the state, uploads and PATCH cannot set the review fields, and only
 * the owner decides.
 */
@QuarkusTest
class RenderReviewIT {

    static String declare(String user, String roomId, String assetType, Map<String, Object> metadata) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", roomId, "assetType", assetType, "filename",
                "render.jpg", "contentType", "image/jpeg", "size", 1000));
        body.put("metadata", metadata);
        return as(user).body(body).post("/assets/uploads").then().statusCode(201).extract().path("assetId");
    }

    private static ValidatableResponse review(String user, String asset, String decision, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (note != null) {
            body.put("note", note);
        }
        return as(user).body(body).post("/assets/" + asset + "/review").then();
    }

    @Test
    void aRenderIsSubmittedThenApprovedOrRejectedAndNothingElse() {
        String owner = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(owner).get(1);
        String approved = declare(owner, room, "render", Map.of("prompt", "oak kitchen", "approvalStatus", "draft"));
        as(owner).get("/assets/" + approved).then().statusCode(200).body("metadata.approvalStatus", equalTo("draft"));

        review(owner, approved, "approve", null).statusCode(409).body("detail", containsString("draft"));
        review(owner, approved, "reject", "no").statusCode(409).body("detail", containsString("draft"));
        review(owner, approved, "submit", null).statusCode(200).body("metadata.approvalStatus",
                equalTo("pending_review")).body("metadata.prompt", equalTo("oak kitchen"));
        review(owner, approved, "submit", null).statusCode(409).body("detail", containsString("pending_review"));
        Instant before = Instant.now();
        String approvedAt = review(owner, approved, "approve", null).statusCode(200)
                .body("metadata.approvalStatus", equalTo("approved")).body("metadata.approvedBy", equalTo(owner))
                .extract().path("metadata.approvedAt");
        assertThat(Instant.parse(approvedAt)).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        for (String decision : new String[] {"submit", "approve", "reject"}) {
            review(owner, approved, decision, "late").statusCode(409).body("detail", containsString("approved"));
        }

        String rejected = declare(owner, room, "render", Map.of());
        review(owner, rejected, "submit", null).statusCode(200);
        review(owner, rejected, "reject", null).statusCode(400);
        review(owner, rejected, "reject", "x".repeat(2001)).statusCode(400);
        review(owner, rejected, "reject", "walls too dark").statusCode(200)
                .body("metadata.approvalStatus", equalTo("rejected"))
                .body("metadata.rejectionReason", equalTo("walls too dark"));
        for (String decision : new String[] {"submit", "approve", "reject"}) {
            review(owner, rejected, decision, "again").statusCode(409).body("detail", containsString("rejected"));
        }

        String photo = declare(owner, room, "photo", Map.of());
        review(owner, photo, "submit", null).statusCode(409).body("detail", containsString("render"));
        review(owner, photo, "publish", null).statusCode(400);
    }

    @Test
    void uploadsAndPatchCannotSetTheReviewAndPatchKeepsIt() {
        String owner = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(owner).get(1);
        Map<String, Object> body = new HashMap<>(Map.of("roomId", room, "assetType", "render", "filename", "r.jpg",
                "contentType", "image/jpeg", "size", 1000));
        for (Map<String, Object> forged : java.util.List.<Map<String, Object>>of(Map.of("approvalStatus", "approved"),
                Map.of("approvedBy", owner), Map.of("approvedAt", "2026-01-01T00:00:00Z"),
                Map.of("rejectionReason", "x"))) {
            body.put("metadata", forged);
            as(owner).body(body).post("/assets/uploads").then().statusCode(400)
                    .body("detail", containsString("/review"));
        }
        String asset = declare(owner, room, "render", Map.of("prompt", "first"));
        review(owner, asset, "submit", null).statusCode(200);
        review(owner, asset, "approve", null).statusCode(200);
        as(owner).body(Map.of("metadata", Map.of("approvalStatus", "draft"))).patch("/assets/" + asset)
                .then().statusCode(400).body("detail", containsString("/review"));
        as(owner).body(Map.of("metadata", Map.of("approvedBy", "someone-else"))).patch("/assets/" + asset)
                .then().statusCode(400);
        as(owner).body(Map.of("metadata", Map.of("prompt", "second"))).patch("/assets/" + asset).then()
                .statusCode(200).body("metadata.prompt", equalTo("second"))
                .body("metadata.approvalStatus", equalTo("approved")).body("metadata.approvedBy", equalTo(owner))
                .body("metadata.approvedAt", notNullValue());
    }

    @Test
    void onlyTheOwnerReviews() {
        String owner = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(owner).get(1);
        String asset = declare(owner, room, "render", Map.of());
        given().auth().oauth2(TestSupport.adminToken(TestSupport.newUser())).contentType(ContentType.JSON)
                .body(Map.of("decision", "submit")).post("/assets/" + asset + "/review").then().statusCode(403);
        review(TestSupport.newUser(), asset, "submit", null).statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("decision", "submit"))
                .post("/assets/" + asset + "/review").then().statusCode(401);
        as(owner).get("/assets/" + asset).then().body("metadata.approvalStatus", equalTo(null));
    }
}
