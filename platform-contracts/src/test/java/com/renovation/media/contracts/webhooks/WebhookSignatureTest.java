package com.renovation.media.contracts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.webhooks.WebhookSignature.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment_succeeded\"}";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    @Test
    void aSignatureMadeWithTheSecretVerifies() {
        String header = WebhookSignature.header(SECRET, NOW, BODY);
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aDigestComputedElsewhereVerifies() {
        // HMAC-SHA256(key "secret", "1700000000.payload"), computed independently with Python's hmac module
        String header = "t=1700000000,v1=5af4877ab3c93d3201223b2c43d689a4c1e849ddd9091e066f03be6168ae79e9";
        assertThat(WebhookSignature.verify(header, "payload", "secret", TOLERANCE,
                Instant.ofEpochSecond(1_700_000_000L))).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.header("secret", Instant.ofEpochSecond(1_700_000_000L), "payload"))
                .isEqualTo(header);
    }

    @Test
    void aTamperedBodyAnotherSecretOrAStaleTimestampDoNot() {
        String header = WebhookSignature.header(SECRET, NOW, BODY);
        assertThat(WebhookSignature.verify(header, BODY + " ", SECRET, TOLERANCE, NOW)).isEqualTo(Verdict.MISMATCH);
        assertThat(WebhookSignature.verify(header, BODY, "whsec_other", TOLERANCE, NOW)).isEqualTo(Verdict.MISMATCH);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, NOW.plusSeconds(301)))
                .isEqualTo(Verdict.STALE);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, NOW.minusSeconds(301)))
                .as("a timestamp from the future is refused too").isEqualTo(Verdict.STALE);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, NOW.plusSeconds(299)))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void anyOfSeveralSignaturesMayMatchAsWhenTheSenderRotatesItsSecret() {
        String valid = WebhookSignature.header(SECRET, NOW, BODY);
        String v1 = valid.substring(valid.indexOf("v1="));
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + "00".repeat(32) + "," + v1 + ",v0=ignored";
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void missingOrMalformedHeadersAreNamedSo() {
        assertThat(WebhookSignature.verify(null, BODY, SECRET, TOLERANCE, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(WebhookSignature.verify(" ", BODY, SECRET, TOLERANCE, NOW)).isEqualTo(Verdict.MISSING);
        for (String header : new String[] {"v1=abcd", "t=abc,v1=abcd", "t=1,t=2,v1=ab", "garbage", "t=1",
                "t=" + NOW.getEpochSecond() + ",v1=" + "a".repeat(2000)}) {
            assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, NOW)).as(header)
                    .isEqualTo(Verdict.MALFORMED);
        }
        String notHex = "t=" + NOW.getEpochSecond() + ",v1=zz";
        assertThat(WebhookSignature.verify(notHex, BODY, SECRET, TOLERANCE, NOW)).isEqualTo(Verdict.MISMATCH);
    }
}
