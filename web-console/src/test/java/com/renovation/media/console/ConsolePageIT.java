package com.renovation.media.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's page, its pinned third-party code and its Content-Security-Policy, as a browser receives them. */
@QuarkusTest
class ConsolePageIT {

    @Test
    void thePageCarriesTheImportMapAndAPolicyThatAllowsOnlyItAndThePlatformsOrigins() throws Exception {
        Response page = given().get("/");
        page.then().statusCode(200).contentType(startsWith("text/html"));
        String html = page.asString();
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(importMap.find()).isTrue();
        assertThat(importMap.group(1)).contains("\"lit\":\"/_static/lit/3.3.3/index.js\"",
                "\"uppy\":\"/vendor/uppy/5.2.4/uppy.min.mjs\"");
        assertThat(html).contains("<link rel=\"modulepreload\" href=\"/app/main.js\">");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "'")
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                .contains("connect-src 'self' http://127.0.0.1:8080 http://127.0.0.1:8083 http://127.0.0.1:8084"
                        + " http://127.0.0.1:59000")
                // the large view's player streams a video from its presigned URL in the store
                .contains("media-src http://127.0.0.1:59000;");
        // the only inline script is the import map: no other may run
        assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(html).doesNotContainPattern("<script(?![^>]*type=\"(importmap|module)\")[^>]*>[^<]+</script>");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theConsolesModulesLitAndUppyAreServedFromTheConsoleItself() {
        given().get("/app/main.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/_static/lit/3.3.3/index.js").then().statusCode(200).body(containsString("lit-element"));
        String uppy = "/vendor/uppy/5.2.4/";
        given().get(uppy + "uppy.min.mjs").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("AwsS3"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().get(uppy + "uppy.min.css").then().statusCode(200).contentType(containsString("css"));
        given().header("Accept-Encoding", "gzip").get(uppy + "uppy.min.mjs").then()
                .header("Content-Encoding", equalTo("gzip"));
        // the console's own modules change without a new URL: checked on every load
        given().get("/app/main.js").then().header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void theSettingsTellTheBrowserWhereTheApisAreAndHowToSignIn() {
        given().get("/config.json").then().statusCode(200)
                .body("apiUrl", equalTo("http://127.0.0.1:8080"))
                .body("catalogUrl", equalTo("http://127.0.0.1:8083"))
                .body("ordersUrl", equalTo("http://127.0.0.1:8084"))
                .body("auth.mode", equalTo("local"));
    }
}
