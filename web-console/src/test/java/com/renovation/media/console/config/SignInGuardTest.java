package com.renovation.media.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInGuardTest {

    private static SignInGuard guard(String profile, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ConsoleConfig.class).withDefaultValues(properties).build();
        return new SignInGuard(config.getConfigMapping(ConsoleConfig.class), config);
    }

    @Test
    void localSignInRunsOnlyOnTheLocalPlatformAndInTests() {
        Map<String, String> local = Map.of("platform.console.auth.mode", "local",
                "platform.console.auth.local-home", "/tmp/platform");
        assertThat(guard("local", local).violations()).isEmpty();
        assertThat(guard("test", local).violations()).isEmpty();
        assertThat(guard("prod", local).violations()).singleElement().asString().contains("local sign-in");
        assertThat(guard("prod", local).localSignIn()).isFalse();
        assertThat(guard("local-eu", local).violations()).isNotEmpty(); // an allow-list, not a prefix
    }

    @Test
    void openIdConnectNeedsAnIssuerAndAClientId() {
        assertThat(guard("prod", Map.of()).violations()).singleElement().asString().contains("CONSOLE_OIDC_ISSUER");
        assertThat(guard("prod", Map.of("platform.console.auth.issuer", "https://id.example.com",
                "platform.console.auth.client-id", "console")).violations()).isEmpty();
    }
}
