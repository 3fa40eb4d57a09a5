package com.renovation.media.assets;

import static com.renovation.media.assets.PlanTestSupport.QUOTA_EXCEEDED;
import static com.renovation.media.assets.PlanTestSupport.asAdmin;
import static com.renovation.media.assets.PlanTestSupport.asOn;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a user's plan comes from, an admin's override, and what lowering a plan does (blocks, deletes nothing). */
@QuarkusTest
class PlanIT {

    @Test
    void meSaysWhoTheTokenIsAndWhetherItMayAdminister() {
        String user = TestSupport.newUser();
        as(user).get("/me").then().statusCode(200).body("sub", equalTo(user)).body("admin", equalTo(false));
        asAdmin().get("/me").then().statusCode(200).body("admin", equalTo(true));
        io.restassured.RestAssured.given().get("/me").then().statusCode(401);
    }

    @Test
    void aTokenWithoutThePlanClaimGetsTheDefaultAndOneWithItItsPlan() {
        String user = TestSupport.newUser();
        // the test profile's default keeps the other tests unlimited
        as(user).get("/me/usage").then().statusCode(200).body("plan", equalTo("enterprise"))
                .body("planSource", equalTo("default")).body("sessionLimit", nullValue())
                .body("documentVersionsKept", nullValue()).body("variantFormats", equalTo(List.of("jpeg", "webp", "avif")));
        asOn(user, "pro").get("/me/usage").then().statusCode(200).body("plan", equalTo("pro"))
                .body("planSource", equalTo("claim")).body("storageLimitBytes", equalTo(10737418240L))
                .body("maxUploadBytes", equalTo(52428800));
        asOn(user, "free").get("/me/usage").then().statusCode(200).body("plan", equalTo("free"))
                .body("planSource", equalTo("claim")).body("storageBytes", equalTo(0))
                .body("storageLimitBytes", equalTo(104857600)).body("sessions", equalTo(0))
                .body("sessionLimit", equalTo(2)).body("documentVersionsKept", equalTo(5))
                .body("maxUploadBytes", equalTo(10485760)).body("variantFormats", equalTo(List.of("jpeg", "webp")))
                .body("storageUsedRatio", equalTo(0.0f));
        // a claim naming no plan counts as none
        asOn(user, "platinum").get("/me/usage").then().statusCode(200).body("plan", equalTo("enterprise"))
                .body("planSource", equalTo("default"));
    }

    @Test
    void anAdminsOverrideWinsOverTheClaimUntilRemoved() {
        String user = TestSupport.newUser();
        asOn(user, "free").get("/me/usage").then().statusCode(200);

        asAdmin().body(Map.of("plan", "pro")).put("/admin/users/" + user + "/plan").then().statusCode(200)
                .body("plan", equalTo("pro")).body("planSource", equalTo("override"));
        asOn(user, "free").get("/me/usage").then().body("plan", equalTo("pro")).body("planSource", equalTo("override"));
        asAdmin().get("/admin/users/" + user + "/usage").then().statusCode(200).body("plan", equalTo("pro"));

        asAdmin().delete("/admin/users/" + user + "/plan").then().statusCode(204);
        asOn(user, "free").get("/me/usage").then().body("plan", equalTo("free")).body("planSource", equalTo("claim"));
        // the admin sees the claim the user's token named when last seen
        asAdmin().get("/admin/users/" + user + "/usage").then().statusCode(200).body("plan", equalTo("free"))
                .body("planSource", equalTo("claim"));
    }

    @Test
    void onlyAdminsSetPlansAndOnlyKnownOnes() {
        String user = TestSupport.newUser();
        asOn(user, "free").body(Map.of("plan", "enterprise")).put("/admin/users/" + user + "/plan").then()
                .statusCode(403);
        asOn(user, "free").get("/admin/users/" + user + "/usage").then().statusCode(403);
        asOn(user, "free").delete("/admin/users/" + user + "/plan").then().statusCode(403);
        asAdmin().body(Map.of("plan", "platinum")).put("/admin/users/" + user + "/plan").then().statusCode(400);
        asAdmin().body(Map.of()).put("/admin/users/" + user + "/plan").then().statusCode(400);
        asOn(user, "free").get("/me/usage").then().body("plan", equalTo("free"));
    }

    @Test
    void loweringAPlanBlocksNewWritesAndDeletesNothing() {
        String user = TestSupport.newUser();
        for (int i = 0; i < 3; i++) {
            PlanTestSupport.session(user, "pro");
        }
        String session = PlanTestSupport.session(user, "pro");
        String room = PlanTestSupport.room(user, "pro", session);
        String asset = TestSupport.upload(user, room, "photo", "kept.jpg", "image/jpeg", TestSupport.jpeg(64, 48));

        asAdmin().body(Map.of("plan", "free")).put("/admin/users/" + user + "/plan").then().statusCode(200)
                .body("sessions", equalTo(4)).body("sessionLimit", equalTo(2));

        asOn(user, "pro").body(Map.of("title", "One more")).post("/sessions").then().statusCode(403)
                .body("type", equalTo(QUOTA_EXCEEDED))
                .body("detail", equalTo("session limit of plan free is 2; 4 sessions exist"));
        assertThat(asOn(user, "pro").get("/sessions").then().statusCode(200).extract().<List<?>>path("items"))
                .hasSize(4);
        asOn(user, "pro").get("/assets/" + asset).then().statusCode(200);
        // rooms and the existing data stay writable where no limit is concerned
        asOn(user, "pro").body(Map.of("name", "Hall", "roomType", "hall")).post("/sessions/" + session + "/rooms")
                .then().statusCode(201);

        asAdmin().delete("/admin/users/" + user + "/plan").then().statusCode(204);
        asOn(user, "pro").body(Map.of("title", "One more")).post("/sessions").then().statusCode(201);
    }

    @Test
    void aFreePlanKeepsTheNewestFiveVersionsOfADocument() {
        String user = TestSupport.newUser();
        String session = PlanTestSupport.session(user, "free");
        String last = null;
        for (int i = 1; i <= 7; i++) {
            last = asOn(user, "free").body(Map.of("documentType", "checklist_pdf", "title", "List " + i,
                    "content", Map.of("items", List.of(Map.of("text", "Item " + i, "done", false)))))
                    .post("/sessions/" + session + "/documents").then().statusCode(202).extract().path("id");
        }
        List<Integer> versions = asOn(user, "free").get("/documents/" + last + "/versions").then().statusCode(200)
                .extract().path("items.version");
        assertThat(versions).containsExactly(7, 6, 5, 4, 3);
    }
}
