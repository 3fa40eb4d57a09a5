package com.renovation.media.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up check, fed the real config machinery with the profiles an operator might set. */
class TokenTrustGuardTest {

    private static final Map<String, String> LOCAL_KEY = Map.of(
            "mp.jwt.verify.issuer", "urn:media-platform:local",
            "mp.jwt.verify.publickey.location", "/srv/media/.platform/jwt/public.pem",
            "mp.jwt.verify.audiences", "urn:media-platform:local-api");

    private static TokenTrustGuard guard(String profiles, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("quarkus.profile", profiles);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .withProfile(profiles)
                .build();
        return new TokenTrustGuard(config);
    }

    @Test
    void aProdEuProfileWithTheLocalKeyRefusesToStart() {
        assertThatThrownBy(() -> guard("prod,eu", LOCAL_KEY).check())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("urn:media-platform:local")
                .hasMessageContaining(".platform/jwt/public.pem");
    }

    @Test
    void anyProfileOutsideTheAllowListIsRefusedTheLocalKey() {
        for (String profiles : new String[] {"prod", "staging", "eu,prod", "production", "dev"}) {
            assertThat(guard(profiles, LOCAL_KEY).violations()).as(profiles).isNotEmpty();
        }
    }

    @Test
    void theTestsKeyUnderAnotherIssuerNameIsRefusedToo() {
        assertThat(guard("prod", Map.of("mp.jwt.verify.issuer", "https://id.example.com",
                "mp.jwt.verify.publickey.location", "test-jwt/public.pem",
                "mp.jwt.verify.audiences", "media")).violations())
                .singleElement().asString().contains("test-jwt/public.pem");
    }

    @Test
    void outsideLocalAndTestAnAudienceIsRequired() {
        assertThat(guard("prod", Map.of("mp.jwt.verify.issuer", "https://id.example.com",
                "mp.jwt.verify.publickey.location", "https://id.example.com/jwks")).violations())
                .singleElement().asString().contains("audience");
    }

    @Test
    void theLocalAndTestProfilesMayTrustTheCheckoutsKeys() {
        assertThatCode(() -> guard("local", LOCAL_KEY).check()).doesNotThrowAnyException();
        assertThatCode(() -> guard("test", Map.of("mp.jwt.verify.issuer", "urn:media-platform:test")).check())
                .doesNotThrowAnyException();
    }

    @Test
    void aProductionIssuerWithAnAudienceStarts() {
        assertThatCode(() -> guard("prod,eu", Map.of("mp.jwt.verify.issuer", "https://id.example.com",
                "mp.jwt.verify.publickey.location", "https://id.example.com/jwks",
                "mp.jwt.verify.audiences", "media-platform")).check()).doesNotThrowAnyException();
    }
}
