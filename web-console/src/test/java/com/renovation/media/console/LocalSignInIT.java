package com.renovation.media.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.renovation.media.localtokens.LocalTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Local sign-in: a token the local platform's services accept, for a plain user name, and nothing more. */
@QuarkusTest
class LocalSignInIT {

    @Test
    void aUserNameGetsATokenSignedWithTheLocalPlatformsKeyForThatSubjectOnly() throws Exception {
        JsonPath session = given().contentType(ContentType.JSON).body("{\"user\":\"alice\"}").post("/local/session")
                .then().statusCode(200).extract().jsonPath();
        String[] parts = session.getString("token").split("\\.");
        assertThat(parts).hasSize(3);
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("sub")).isEqualTo("alice");
        assertThat(claims.getString("iss")).isEqualTo(LocalTokens.ISSUER);
        assertThat(claims.getString("aud")).isEqualTo(LocalTokens.AUDIENCE);
        assertThat(claims.getList(LocalTokens.ROLES_CLAIM)).containsExactly("user"); // never admin from a form
        assertThat(Instant.parse(session.getString("expiresAt"))).isAfter(Instant.now().plusSeconds(3600));

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(new LocalTokens(Path.of("target/local-home")).publicKeyFile()));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void aNameThatIsNotAPlainUserNameIsRefusedWithAProblem() {
        for (String body : new String[] {"{\"user\":\"\"}", "{\"user\":\"al ice\"}", "{\"user\":\"-admin\"}",
                "{\"user\":\"" + "a".repeat(65) + "\"}", "{\"user\":\"bob\\u0000\"}", "{}"}) {
            given().contentType(ContentType.JSON).body(body).post("/local/session").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        given().contentType(ContentType.JSON).body("{\"user\":\"alice\",\"admin\":true}").post("/local/session")
                .then().statusCode(400);
    }

    @Test
    void theSignInAcceptsOnlyJson() {
        given().contentType(ContentType.URLENC).formParam("user", "alice").post("/local/session")
                .then().statusCode(415).body("status", equalTo(415));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
