package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import com.renovation.media.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which tokens are trusted, and for whom they speak: the audience must be this platform's, ownership follows
 * the token's subject (never a display name such as {@code upn}), and the admin role comes only from the
 * application's own roles claim.
 */
@QuarkusTest
class TokenTrustIT {

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String aliceSession(String alice) {
        return as(alice).body(Map.of("title", "alice's flat")).post("/sessions").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aTokenMintedForAnotherAudienceIsRefused() {
        String user = TestSupport.newUser();
        String foreign = Jwt.issuer(TestTokens.ISSUER).audience("urn:another-application").subject(user).upn(user)
                .claim("media_roles", List.of("user")).expiresIn(Duration.ofMinutes(5)).sign();
        String none = Jwt.issuer(TestTokens.ISSUER).subject(user).upn(user)
                .claim("media_roles", List.of("user")).expiresIn(Duration.ofMinutes(5)).sign();

        bearer(foreign).get("/sessions").then().statusCode(401);
        bearer(none).get("/sessions").then().statusCode(401);
        bearer(TestTokens.user(user)).get("/sessions").then().statusCode(200);
    }

    @Test
    void ownershipFollowsTheSubjectNotTheUpn() {
        String alice = TestSupport.newUser();
        String session = aliceSession(alice);
        String mallory = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("mallory-" + alice)
                .upn(alice).preferredUserName(alice).claim("media_roles", List.of("user"))
                .expiresIn(Duration.ofMinutes(5)).sign();

        bearer(mallory).get("/sessions/" + session).then().statusCode(404);
        bearer(mallory).get("/sessions").then().statusCode(200).body("items.id", not(hasItem(session)));
        bearer(mallory).delete("/sessions/" + session).then().statusCode(404);
        as(alice).get("/sessions/" + session).then().statusCode(200);
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        String user = TestSupport.newUser();
        String anonymous = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).upn(user)
                .claim("media_roles", List.of("user")).expiresIn(Duration.ofMinutes(5)).sign();

        bearer(anonymous).get("/sessions").then().statusCode(401);
    }

    @Test
    void theAdminRoleComesOnlyFromTheApplicationsRolesClaim() {
        String alice = TestSupport.newUser();
        String session = aliceSession(alice);
        // an identity provider's generic groups are not this platform's roles
        String groupsAdmin = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("ops")
                .upn("ops").groups(Set.of("user", "admin")).claim("media_roles", List.of("user"))
                .expiresIn(Duration.ofMinutes(5)).sign();

        bearer(groupsAdmin).get("/sessions/" + session).then().statusCode(404);
        bearer(TestTokens.admin("ops")).get("/sessions/" + session).then().statusCode(200);
    }
}
