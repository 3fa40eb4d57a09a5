package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.localtokens.LocalTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** order-service and the stand-in provider are started apart and must agree on each other's address and secrets. */
class LocalWiringTest {

    @TempDir
    Path home;

    private PlatformSettings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("PLATFORM_ROOT", PlatformSettings.findRoot().toString(),
                "PLATFORM_HOME", home.toString(), "PLATFORM_SERVICES", "order-service"));
        env.putAll(extra);
        return PlatformSettings.fromEnvironment(env);
    }

    @Test
    void orderServiceAndTheStandInShareTheTokenTheWebhookSecretAndEachOthersPorts() {
        PlatformSettings settings = settings(Map.of("ORDER_SERVICE_PORT", "18084",
                "ORDER_SERVICE_MANAGEMENT_PORT", "19084", "PROVIDER_PORT", "18300", "SMTP_PORT", "18025"));
        Map<String, String> order = ServiceProcess.orderServiceEnvironment(settings);
        Map<String, String> standIn = new ProviderStandInEngine(settings).environment();

        assertThat(settings.services()).singleElement().satisfies(spec -> {
            assertThat(spec.port()).isEqualTo(18084);
            assertThat(spec.managementPort()).isEqualTo(19084);
        });
        assertThat(order.get("PLATFORM_PROVIDER_TOKEN")).isNotBlank().isEqualTo(standIn.get("STANDIN_TOKEN"));
        assertThat(order.get("PLATFORM_PAYMENTS_WEBHOOK_SECRET")).startsWith("whsec_")
                .isEqualTo(standIn.get("STANDIN_PAYMENT_SECRET"));
        assertThat(order.get("PLATFORM_PROVIDER_BASE_URL")).isEqualTo("http://localhost:18300");
        assertThat(standIn.get("STANDIN_PORT")).isEqualTo("18300");
        assertThat(standIn.get("STANDIN_PAYMENT_WEBHOOK_URL")).isEqualTo("http://localhost:18084/webhooks/payments");
        assertThat(standIn.get("STANDIN_DATA_DIR")).isEqualTo(home.resolve("provider-standin").toString());
        assertThat(order.get("PLATFORM_ORDERS_CHECKOUT_URL"))
                .isEqualTo("http://localhost:18300/checkout?order={orderId}&amount={total}&currency={currency}");
        assertThat(order).containsEntry("QUARKUS_MAILER_HOST", "localhost")
                .containsEntry("QUARKUS_MAILER_PORT", "18025")
                .containsEntry("QUARKUS_MAILER_FROM", "media-platform@localhost")
                .containsEntry("QUARKUS_MAILER_MOCK", "false")
                .containsEntry("PLATFORM_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
    }

    @Test
    void theEnginesOnlyRunStillKnowsWhereOrderServiceWillListen() {
        // ./platform test starts the engines without services; the browser tests' order-service comes later
        PlatformSettings enginesOnly = settings(Map.of("ORDER_SERVICE_PORT", "18084")).withoutServices();
        assertThat(new ProviderStandInEngine(enginesOnly).environment().get("STANDIN_PAYMENT_WEBHOOK_URL"))
                .isEqualTo("http://localhost:18084/webhooks/payments");
        assertThat(settings(Map.of()).withoutServices().orderServiceUrl()).isEqualTo("http://localhost:8084");
    }

    @Test
    void secretsAreMadeOncePerHomeKeptPrivateAndDifferBetweenHomes(@TempDir Path otherHome) throws Exception {
        String secret = new LocalSecrets(home).paymentsWebhookSecret();
        String token = new LocalSecrets(home).providerToken();

        assertThat(new LocalSecrets(home).paymentsWebhookSecret()).isEqualTo(secret);
        assertThat(new LocalSecrets(home).providerToken()).isEqualTo(token).isNotEqualTo(secret);
        assertThat(new LocalSecrets(otherHome).paymentsWebhookSecret()).isNotEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("secrets/payments-webhook-secret")))).isEqualTo("rw-------");
        try (var files = Files.list(home.resolve("secrets"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "payments-webhook-secret", "provider-token");
        }
    }

    @Test
    void madeUpAddressesAreInTheReservedTestDomain() {
        assertThat(LocalTokens.emailOf("alice")).isEqualTo("alice@example.test");
        assertThat(LocalTokens.emailOf("Bob Smith")).isEqualTo("bob-smith@example.test");
        assertThat(LocalTokens.emailOf("carol@example.com")).isEqualTo("carol@example.com");
        assertThat(LocalTokens.nameOf("carol@example.com")).isEqualTo("carol");
        assertThat(LocalTokens.nameOf("alice")).isEqualTo("alice");
        assertThat(LocalTokens.looksLikeEmail("a@b")).isFalse();
    }
}
