package com.renovation.media.orders.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outside the local, dev and test profiles nothing supplies a webhook secret: the service must not start. */
class PaymentsConfigTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        // Quarkus' own converter reads "5m" as it does in the service
        return new SmallRyeConfigBuilder().withMapping(PaymentsConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void withoutASecretTheConfigurationIsRefused() {
        assertThatThrownBy(() -> config(Map.of())).hasMessageContaining("platform.payments.webhook-secret");
    }

    @Test
    void aSecretAloneIsEnoughAndTheToleranceIsStripesFiveMinutes() {
        PaymentsConfig payments = config(Map.of("platform.payments.webhook-secret", "whsec_x"))
                .getConfigMapping(PaymentsConfig.class);
        assertThat(payments.webhookSecret()).isEqualTo("whsec_x");
        assertThat(payments.tolerance()).isEqualTo(Duration.ofMinutes(5));
    }
}
