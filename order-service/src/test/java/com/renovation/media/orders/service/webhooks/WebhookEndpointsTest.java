package com.renovation.media.orders.service.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {

    @Test
    void secretsAreWhsecAnd32RandomBytes() {
        String secret = WebhookEndpoints.newSecret();
        assertThat(secret).startsWith("whsec_");
        byte[] bytes = Base64.getUrlDecoder().decode(secret.substring("whsec_".length()));
        assertThat(bytes).hasSize(32);
        assertThat(WebhookEndpoints.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void onlyTheSubscribableEventTypesAreAccepted() {
        assertThat(WebhookEndpoints.events(List.of("order.paid", "order.completed", "order.paid")))
                .containsExactly("order.paid", "order.completed");
        assertThatThrownBy(() -> WebhookEndpoints.events(List.of("session.deleted"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> WebhookEndpoints.events(List.of())).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> WebhookEndpoints.events(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> WebhookEndpoints.events(Arrays.asList("order.paid", null)))
                .isInstanceOf(ApiException.class);
    }
}
