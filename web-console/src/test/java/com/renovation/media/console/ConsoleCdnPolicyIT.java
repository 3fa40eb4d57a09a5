package com.renovation.media.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With variants on a CDN (CONSOLE_CDN_URL), the page may load pictures and videos from it, and nothing else. */
@QuarkusTest
@TestProfile(ConsoleCdnPolicyIT.WithCdn.class)
class ConsoleCdnPolicyIT {

    public static class WithCdn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.console.cdn-url", "https://d111111abcdef8.cloudfront.net");
        }
    }

    private static String directive(String policy, String name) {
        int start = policy.indexOf(name + " ");
        int end = policy.indexOf(';', start);
        return policy.substring(start, end < 0 ? policy.length() : end);
    }

    @Test
    void theCdnIsAnOriginOfImagesAndVideosOnly() {
        String policy = given().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(directive(policy, "img-src")).endsWith(" https://d111111abcdef8.cloudfront.net");
        assertThat(directive(policy, "media-src"))
                .isEqualTo("media-src http://127.0.0.1:59000 https://d111111abcdef8.cloudfront.net");
        assertThat(directive(policy, "connect-src")).doesNotContain("cloudfront");
        assertThat(directive(policy, "script-src")).doesNotContain("cloudfront");
    }
}
