package com.renovation.media.storage.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.testing.CdnKeys;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/** The platform's CloudFront signer against the AWS SDK's own, and against the check CloudFront makes. */
class CloudFrontSigningTest {

    private static final KeyPair KEYS = CdnKeys.generate();
    private static final Instant EXPIRES = Instant.parse("2031-05-04T03:02:01Z");

    private static String sdk(String resourceUrl, String keyPairId) {
        return CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                .resourceUrl(resourceUrl).keyPairId(keyPairId).privateKey(KEYS.getPrivate())
                .expirationDate(EXPIRES).build()).url();
    }

    @Test
    void theSameUrlAsTheSdkByteForByte() {
        for (String url : new String[] {
            "https://d111111abcdef8.cloudfront.net/session_1/room_2/photos/variants/17_a_thumbnail_300x200.webp",
            "https://cdn.example.com/styles/nordic/variants/oak%20floor_optimized_1200x800.jpg",
            "https://cdn.example.com:8443/session_1/room_2/videos/variants/K%C3%BCche_web_1280x720.mp4"}) {
            assertThat(CloudFrontSigning.signedUrl(url, EXPIRES, "K2JCJMDEHXQW5F", KEYS.getPrivate()))
                    .as(url).isEqualTo(sdk(url, "K2JCJMDEHXQW5F"));
        }
    }

    @Test
    void theSignatureIsOverTheCannedPolicyOfTheExactUrl() {
        String url = "https://d111111abcdef8.cloudfront.net/session_1/a.jpg";
        String signed = CloudFrontSigning.signedUrl(url, EXPIRES, "K2JCJMDEHXQW5F", KEYS.getPrivate());

        assertThat(CdnKeys.query(signed)).containsOnlyKeys("Expires", "Signature", "Key-Pair-Id")
                .containsEntry("Expires", String.valueOf(EXPIRES.getEpochSecond()))
                .containsEntry("Key-Pair-Id", "K2JCJMDEHXQW5F");
        assertThat(CdnKeys.query(signed).get("Signature")).doesNotContain("+", "/", "=");
        assertThat(CdnKeys.verifies(signed, KEYS.getPublic())).isTrue();
        // another object, a later expiry or another key: CloudFront's check fails
        assertThat(CdnKeys.verifies(signed.replace("/a.jpg", "/b.jpg"), KEYS.getPublic())).isFalse();
        assertThat(CdnKeys.verifies(signed.replace("Expires=" + EXPIRES.getEpochSecond(),
                "Expires=" + (EXPIRES.getEpochSecond() + 1)), KEYS.getPublic())).isFalse();
        assertThat(CdnKeys.verifies(signed, CdnKeys.generate().getPublic())).isFalse();
    }

    @Test
    void urlSafeBase64RoundTrips() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x3e, 0x3f};
        assertThat(CloudFrontSigning.urlSafe(bytes)).isEqualTo("-~-~Pj8_");
        assertThat(CloudFrontSigning.fromUrlSafe("-~-~Pj8_")).isEqualTo(bytes);
    }
}
