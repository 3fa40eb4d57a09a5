package com.renovation.media.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The orders endpoints × {anonymous, another user, the owner, an admin}: no token is 401, another user's order or
 * assets are as unknown as missing ones (404), the owner and (for reads) an admin succeed. The payment webhook
 * takes no token; its signature is its authorization (PaymentWebhookIT).
 */
@QuarkusTest
class OrdersAuthorizationIT {

    @Inject
    AgroalDataSource db;

    private record Route(String name, Function<RequestSpecification, Integer> call) {
    }

    private List<Route> routes(TestSupport.Photos photos, String orderId) {
        Map<String, Object> body = Map.of("sessionId", photos.sessionId().toString(),
                "items", List.of(TestSupport.item(photos.first(), "render")));
        return List.of(
                new Route("POST /orders", s -> s.body(body).post("/orders").statusCode()),
                new Route("GET /orders", s -> s.get("/orders").statusCode()),
                new Route("GET /orders/{id}", s -> s.get("/orders/" + orderId).statusCode()));
    }

    private static RequestSpecification with(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    @Test
    void everyOrdersRouteNeedsATokenAndShowsNothingOfOthers() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 1);
        String orderId = TestSupport.orderAll(photos);
        String owner = com.renovation.media.web.testing.TestTokens.user(photos.owner());
        String other = com.renovation.media.web.testing.TestTokens.user(TestSupport.newUser());
        String admin = com.renovation.media.web.testing.TestTokens.admin(TestSupport.newUser());
        // an expired token and one of another issuer's key are no tokens at all
        String expired = com.renovation.media.web.testing.TestTokens.claims(photos.owner(), "user")
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).sign();

        for (Route route : routes(photos, orderId)) {
            assertThat(route.call().apply(with(null))).as("anonymous " + route.name()).isEqualTo(401);
            assertThat(route.call().apply(with("not.a.token"))).as("garbage token " + route.name()).isEqualTo(401);
            assertThat(route.call().apply(with(expired))).as("expired token " + route.name()).isEqualTo(401);
            int expectedForOther = route.name().equals("GET /orders") ? 200 : 404;
            assertThat(route.call().apply(with(other))).as("other user " + route.name()).isEqualTo(expectedForOther);
            assertThat(route.call().apply(with(owner))).as("owner " + route.name()).isBetween(200, 201);
        }
        assertThat(with(admin).get("/orders/" + orderId).statusCode()).isEqualTo(200);
        // an admin orders nobody else's assets
        assertThat(with(admin).body(Map.of("sessionId", photos.sessionId().toString(),
                "items", List.of(TestSupport.item(photos.first(), "render")))).post("/orders").statusCode())
                .isEqualTo(404);
    }
}
