package com.renovation.media.assets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route: without a token 401, with another owner's token 404 (nothing leaks), admins read but don't write. */
@QuarkusTest
class AuthorizationIT {

    private String owner;
    private String sessionId;
    private String roomId;
    private String assetId;
    private String comparisonId;
    private String otherAssetId;

    private record Route(String method, String path, Object body) {
    }

    @BeforeEach
    void ownedData() {
        owner = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(owner);
        sessionId = ids.get(0);
        roomId = ids.get(1);
        assetId = TestSupport.upload(owner, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        otherAssetId = TestSupport.upload(owner, roomId, "photo", "b.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        comparisonId = TestSupport.as(owner).body(Map.of("beforeAssetId", assetId, "afterAssetId", otherAssetId))
                .post("/rooms/" + roomId + "/comparisons").then().statusCode(201).extract().path("id");
    }

    private List<Route> reads() {
        return List.of(new Route("GET", "/sessions/" + sessionId, null),
                new Route("GET", "/sessions/" + sessionId + "/rooms", null),
                new Route("GET", "/rooms/" + roomId, null),
                new Route("GET", "/rooms/" + roomId + "/assets", null),
                new Route("GET", "/rooms/" + roomId + "/comparisons", null),
                new Route("GET", "/assets/" + assetId, null));
    }

    private List<Route> writes() {
        return List.of(new Route("PATCH", "/sessions/" + sessionId, Map.of("title", "mine now")),
                new Route("POST", "/sessions/" + sessionId + "/rooms", Map.of("name", "x", "roomType", "kitchen")),
                new Route("PATCH", "/rooms/" + roomId, Map.of("name", "mine")),
                new Route("POST", "/rooms/" + roomId + "/comparisons", Map.of("beforeAssetId", assetId,
                        "afterAssetId", otherAssetId)),
                new Route("DELETE", "/rooms/" + roomId + "/comparisons/" + comparisonId, null),
                new Route("POST", "/assets/uploads", Map.of("roomId", roomId, "assetType", "photo",
                        "filename", "x.jpg", "contentType", "image/jpeg", "size", 10)),
                new Route("POST", "/assets/" + assetId + "/confirm", null),
                new Route("PATCH", "/assets/" + assetId, Map.of("caption", "mine")),
                new Route("DELETE", "/assets/" + assetId, null),
                new Route("DELETE", "/rooms/" + roomId, null),
                new Route("DELETE", "/sessions/" + sessionId, null));
    }

    private static io.restassured.response.Response call(RequestSpecification spec, Route route) {
        RequestSpecification request = spec.contentType(ContentType.JSON);
        if (route.body() != null) {
            request = request.body(route.body());
        }
        return request.request(route.method(), route.path());
    }

    @Test
    void withoutATokenEveryRouteIs401() {
        for (Route route : concat(reads(), writes(), List.of(new Route("GET", "/sessions", null),
                new Route("POST", "/sessions", Map.of("title", "x"))))) {
            call(given(), route).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:media-platform:problem:unauthorized"));
        }
        call(given().auth().oauth2("not.a.token"), reads().get(0)).then().statusCode(401);
    }

    @Test
    void anotherUserGets404OnEveryRouteAndChangesNothing() {
        String stranger = TestSupport.newUser();
        for (Route route : concat(reads(), writes())) {
            call(given().auth().oauth2(TestSupport.token(stranger)), route).then().statusCode(404)
                    .body("type", equalTo("urn:media-platform:problem:not-found"));
        }
        TestSupport.as(owner).get("/assets/" + assetId).then().statusCode(200).body("caption", equalTo(null));
        TestSupport.as(owner).get("/sessions/" + sessionId).then().statusCode(200)
                .body("title", equalTo("Kitchen remodel"));
        TestSupport.as(stranger).get("/sessions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anAdminReadsEverythingButChangesNothing() {
        String admin = TestSupport.adminToken("admin-" + UUID.randomUUID());
        for (Route route : reads()) {
            call(given().auth().oauth2(admin), route).then().statusCode(200);
        }
        given().auth().oauth2(admin).queryParam("ownerId", owner).get("/sessions").then().statusCode(200)
                .body("items[0].id", equalTo(sessionId));
        for (Route route : writes()) {
            if (!route.path().equals("/assets/uploads")) {
                call(given().auth().oauth2(admin), route).then().statusCode(403);
            }
        }
        TestSupport.as(owner).get("/assets/" + assetId).then().statusCode(200);
    }

    @SafeVarargs
    private static List<Route> concat(List<Route>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
