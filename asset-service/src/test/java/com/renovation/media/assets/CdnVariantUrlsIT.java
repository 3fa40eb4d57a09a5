package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.testing.CdnKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With {@code platform.storage.cdn.*} set, the URLs of variants that browsers get (an asset's view, a share link)
 * are CloudFront signed URLs on the CDN, verifiable with the key group's public key; the original's download stays
 * an S3 presigned URL, never on the CDN.
 */
@QuarkusTest
@TestProfile(CdnVariantUrlsIT.WithCdn.class)
class CdnVariantUrlsIT {

    static final String CDN = "https://d111111abcdef8.cloudfront.net";
    static final String KEY_PAIR = "K2JCJMDEHXQW5F";
    static final KeyPair KEYS = CdnKeys.generate();
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static class WithCdn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.storage.cdn.base-url", CDN, "platform.storage.cdn.key-pair-id", KEY_PAIR,
                    "platform.storage.cdn.private-key", CdnKeys.pem(KEYS.getPrivate()),
                    "platform.storage.cdn.url-ttl", "30m");
        }
    }

    @Test
    void variantsComeFromTheCdnAndTheOriginalFromS3() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        String asset = TestSupport.upload(user, room, "photo", "hall.jpg", "image/jpeg", TestSupport.jpeg(400, 300));
        String key = as(user).get("/assets/" + asset).path("storagePath");
        List<String> variantKeys = List.of("thumbnail", "optimized").stream().map(type -> {
            String variantKey = key.replace("photos/", "photos/variants/") + "_" + type + ".webp";
            KafkaTestClient.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(asset),
                    type, "webp", 400, 300, 1234, "user-uploads", variantKey, "image/webp", 2));
            return variantKey;
        }).toList();
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + asset).then().body("variants", hasSize(2)));

        Instant asked = Instant.now();
        Response view = as(user).get("/assets/" + asset);
        List<String> urls = view.path("variants.url");
        assertThat(urls).hasSize(2).allSatisfy(url -> assertCdnUrl(url, asked));
        assertThat(urls.stream().map(url -> URI.create(url).getPath()).toList())
                .containsExactlyInAnyOrderElementsOf(variantKeys.stream().map(k -> "/" + k).toList());

        String download = view.path("downloadUrl");
        assertThat(download).doesNotStartWith(CDN).contains("X-Amz-Signature").doesNotContain("Key-Pair-Id");
        assertThat(TestSupport.get(download).statusCode()).isEqualTo(200);

        // an anonymous share link shows the same variants, from the CDN too
        Response shared = LinkTestSupport.open(LinkTestSupport.create(user,
                Map.of("kind", "share", "assetIds", List.of(asset))).path("token"));
        List<String> sharedUrls = shared.path("items[0].variants.url");
        assertThat(sharedUrls).hasSize(2).allSatisfy(url -> assertCdnUrl(url, asked));
    }

    private static void assertCdnUrl(String url, Instant asked) {
        assertThat(url).startsWith(CDN + "/session_").doesNotContain("X-Amz-");
        Map<String, String> query = CdnKeys.query(url);
        assertThat(query).containsOnlyKeys("Expires", "Signature", "Key-Pair-Id").containsEntry("Key-Pair-Id",
                KEY_PAIR);
        assertThat(Long.parseLong(query.get("Expires"))).isGreaterThan(asked.getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().plus(Duration.ofMinutes(30)).getEpochSecond());
        assertThat(CdnKeys.verifies(url, KEYS.getPublic())).as("CloudFront's check of %s", url).isTrue();
    }
}
