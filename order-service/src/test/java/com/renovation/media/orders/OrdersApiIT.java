package com.renovation.media.orders;

import static com.renovation.media.orders.TestSupport.as;
import static com.renovation.media.orders.TestSupport.item;
import static com.renovation.media.orders.TestSupport.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.renovation.media.web.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** POST/GET /orders: prices and tax, numbers, ownership through the projection, validation, paging. */
@QuarkusTest
class OrdersApiIT {

    private static final String VALIDATION = "urn:media-platform:problem:validation";

    @Inject
    AgroalDataSource db;

    @Test
    void anOrderIsPricedTaxedNumberedAndPendingItsPayment() {
        String owner = TestSupport.newUser();
        var photos = TestSupport.photos(db, owner, 2);
        String token = TestTokens.claims(owner, "user").claim("email", "owner@example.test").sign();

        var created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("sessionId", photos.sessionId().toString(), "items", List.of(
                        item(photos.assetIds().get(0), "restoration"),
                        Map.of("assetId", photos.assetIds().get(1).toString(), "service", "restoration",
                                "options", Map.of("strength", 0.7)),
                        item(photos.assetIds().get(0), "render"))))
                .post("/orders");
        created.then().statusCode(201)
                .body("status", equalTo("pending_payment"))
                .body("paymentStatus", equalTo("pending"))
                .body("sessionId", equalTo(photos.sessionId().toString()))
                .body("subtotal", equalTo("19.70"))
                .body("tax", equalTo("3.94"))
                .body("total", equalTo("23.64"))
                .body("currency", equalTo("EUR"))
                .body("paidAt", nullValue())
                .body("items", hasSize(3))
                .body("items[0].price", equalTo("4.90"))
                .body("items[0].service", equalTo("restoration"))
                .body("items[0].job", nullValue())
                .body("items[1].options.strength", equalTo(0.7f))
                .body("items[2].service", equalTo("render"))
                .body("items[2].price", equalTo("9.90"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/orders/" + id);
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(created.<String>path("number")).matches(today + "-\\d{6}");
        assertThat(created.<String>path("checkoutUrl")).isEqualTo(
                "http://localhost:59300/checkout?order=" + id + "&amount=23.64&currency=EUR");
        assertThat(OrdersDatabase.value(db, "SELECT owner_email FROM orders.orders WHERE id = ?::uuid", id))
                .isEqualTo("owner@example.test");

        // the same view when read back
        as(owner).get("/orders/" + id).then().statusCode(200).body("number", equalTo(created.path("number")))
                .body("total", equalTo("23.64")).body("items", hasSize(3))
                .body("items[1].assetId", equalTo(photos.assetIds().get(1).toString()));
    }

    @Test
    void numbersCountUpWithinTheDay() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String number = order(photos.owner(), photos.sessionId(), List.of(item(photos.first(), "render")))
                    .then().statusCode(201).extract().path("number");
            ranks.add(Integer.parseInt(number.substring(9)));
        }
        // this JVM is the only one making orders in the test schema: consecutive
        assertThat(ranks.get(1)).isEqualTo(ranks.get(0) + 1);
        assertThat(ranks.get(2)).isEqualTo(ranks.get(1) + 1);
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(OrdersDatabase.count(db, "SELECT last_number FROM orders.order_number_days WHERE day = ?::date",
                day)).isGreaterThanOrEqualTo(ranks.get(2));
    }

    @Test
    void anOwnerWithoutAnEmailClaimHasNone() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        String id = TestSupport.orderAll(photos);
        assertThat(OrdersDatabase.value(db, "SELECT owner_email FROM orders.orders WHERE id = ?::uuid", id)).isNull();
    }

    @Test
    void theCallersOrdersAreListedNewestFirstInPages() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> TestSupport.orderAll(photos)).toList();

        JsonPath first = as(photos.owner()).get("/orders?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.getList("items[0].items")).hasSize(1);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        as(photos.owner()).queryParam("cursor", cursor).queryParam("limit", 2).get("/orders").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(0)))).body("nextCursor", nullValue());

        // nobody else's
        as(TestSupport.newUser()).get("/orders").then().statusCode(200).body("items", hasSize(0));
        as(photos.owner()).get("/orders?limit=0").then().statusCode(400).body("type", equalTo(VALIDATION));
        as(photos.owner()).get("/orders?cursor=garbage").then().statusCode(400)
                .body("type", equalTo("urn:media-platform:problem:invalid-cursor"));
    }

    @Test
    void invalidOrdersAreRefusedWith400() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        String owner = photos.owner();
        UUID session = photos.sessionId();
        UUID asset = photos.first();

        order(owner, session, List.of()).then().statusCode(400).body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("items"));
        as(owner).body(Map.of("items", List.of(item(asset, "render")))).post("/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("sessionId"));
        order(owner, session, List.of(item(asset, "colorize"))).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].service"));
        order(owner, session, List.of(Map.of("service", "render"))).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].assetId"));
        order(owner, session, List.of(item(asset, "render"), item(asset, "render"))).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1]"));
        List<Map<String, Object>> tooMany = IntStream.range(0, 51)
                .mapToObj(i -> item(UUID.randomUUID(), "restoration")).toList();
        order(owner, session, tooMany).then().statusCode(400).body("errors[0].field", equalTo("items"));
        as(owner).body("{\"sessionId\": \"" + session + "\", \"items\": [{\"assetId\": \"" + asset
                + "\", \"service\": \"render\", \"options\": [1]}]}").post("/orders").then().statusCode(400)
                .body("type", equalTo("urn:media-platform:problem:malformed-json"));
        as(owner).body("{\"sessionId\": \"not-a-uuid\", \"items\": []}").post("/orders").then().statusCode(400)
                .body("type", equalTo("urn:media-platform:problem:malformed-json"));
        as(owner).body("{\"sessionId\": \"" + session + "\", \"items\": [], \"discount\": 100}").post("/orders")
                .then().statusCode(400).body("type", equalTo("urn:media-platform:problem:malformed-json"));
        // one asset may be bought for both services
        order(owner, session, List.of(item(asset, "restoration"), item(asset, "render"))).then().statusCode(201)
                .body("items", hasSize(2));
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.orders WHERE owner_id = ?", owner))
                .isEqualTo(1);
    }

    @Test
    void theMaximumNumberOfItemsIsAccepted() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 25);
        List<Map<String, Object>> fifty = new ArrayList<>();
        photos.assetIds().forEach(a -> {
            fifty.add(item(a, "restoration"));
            fifty.add(item(a, "render"));
        });
        order(photos.owner(), photos.sessionId(), fifty).then().statusCode(201).body("items", hasSize(50))
                .body("subtotal", equalTo("370.00")).body("tax", equalTo("74.00")).body("total", equalTo("444.00"));
    }

    @Test
    void assetsThatAreNotTheCallersInTheSessionAreNotFound() {
        var mine = TestSupport.photos(db, TestSupport.newUser(), 1);
        var theirs = TestSupport.photos(db, TestSupport.newUser(), 1);
        var myOtherSession = TestSupport.photos(db, mine.owner(), 1);
        String notFound = "urn:media-platform:problem:not-found";

        // another user's asset, even named with that user's session
        order(mine.owner(), theirs.sessionId(), List.of(item(theirs.first(), "render"))).then().statusCode(404)
                .body("type", equalTo(notFound));
        order(mine.owner(), mine.sessionId(), List.of(item(mine.first(), "render"), item(theirs.first(), "render")))
                .then().statusCode(404).body("detail", equalTo("asset " + theirs.first() + " was not found"));
        // the caller's own asset, but of another session
        order(mine.owner(), mine.sessionId(), List.of(item(myOtherSession.first(), "render"))).then().statusCode(404);
        // an asset nobody confirmed
        order(mine.owner(), mine.sessionId(), List.of(item(UUID.randomUUID(), "render"))).then().statusCode(404);
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.orders WHERE owner_id = ?", mine.owner()))
                .isZero();
    }

    @Test
    void anOrderIsReadByItsOwnerAndAnAdminOnly() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        String id = TestSupport.orderAll(photos);

        as(TestSupport.newUser()).get("/orders/" + id).then().statusCode(404)
                .body("type", equalTo("urn:media-platform:problem:not-found"));
        as(TestSupport.newUser()).get("/orders/" + UUID.randomUUID()).then().statusCode(404);
        TestSupport.asAdmin().get("/orders/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("total", equalTo("5.88"));
        // an admin's own list is still the admin's own orders
        TestSupport.asAdmin().get("/orders").then().statusCode(200).body("items", hasSize(0));
        given().get("/orders/" + id).then().statusCode(401);
        given().get("/orders").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("sessionId", photos.sessionId().toString(),
                "items", List.of(item(photos.first(), "render")))).post("/orders").then().statusCode(401)
                .header("WWW-Authenticate", endsWith("Bearer"));
    }

    @Test
    void ordersMadeAtTheSameMomentGetDifferentNumbers() throws Exception {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> numbers = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
                start.await();
                return order(photos.owner(), photos.sessionId(), List.of(item(photos.first(), "render")))
                        .then().statusCode(201).extract().<String>path("number");
            })).toList();
            start.countDown();
            List<String> got = new ArrayList<>();
            for (var number : numbers) {
                got.add(number.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(got).hasSize(8).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
