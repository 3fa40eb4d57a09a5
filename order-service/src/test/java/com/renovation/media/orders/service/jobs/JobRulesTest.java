package com.renovation.media.orders.service.jobs;

import com.renovation.media.orders.service.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.orders.ProcessingService;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.OrderStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobRulesTest {

    @Test
    void backoffDoublesPerAttemptWithinTwentyPercent() {
        Duration base = Duration.ofSeconds(30);
        assertThat(Backoff.after(1, base, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, base, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(3, base, () -> 0.5)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Backoff.after(1, base, () -> 0.0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(Backoff.after(1, base, () -> 0.999999)).isBetween(Duration.ofMillis(35_999),
                Duration.ofSeconds(36));
        assertThat(Backoff.after(0, base, () -> 0.5)).isEqualTo(base);
    }

    @Test
    void anOrderEndsCompletedOnlyWhenEveryJobCompletedAndFailedWhenNoneDid() {
        assertThat(OrderCompletion.statusAfter(3, 0)).isEqualTo(OrderStatus.COMPLETED);
        assertThat(OrderCompletion.statusAfter(2, 1)).isEqualTo(OrderStatus.PARTIALLY_FAILED);
        assertThat(OrderCompletion.statusAfter(0, 2)).isEqualTo(OrderStatus.FAILED);
        assertThat(OrderCompletion.ended(JobStatus.CANCELLED)).isTrue();
        assertThat(OrderCompletion.ended(JobStatus.PROCESSING)).isFalse();
        assertThat(OrderCompletion.ended(JobStatus.QUEUED)).isFalse();
    }

    @Test
    void outputsAreFetchedOnlyFromTheProvidersOrigin() {
        URI provider = URI.create("http://localhost:59300");
        assertThat(OutputOrigin.sameOrigin(provider, "http://localhost:59300/outputs/a.jpg")).isTrue();
        assertThat(OutputOrigin.sameOrigin(provider, "http://LOCALHOST:59300/outputs/a.jpg")).isTrue();
        assertThat(OutputOrigin.sameOrigin(provider, "http://127.0.0.1:59300/outputs/a.jpg")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "http://localhost:59301/outputs/a.jpg")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "https://localhost:59300/outputs/a.jpg")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "http://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "http://localhost:59300@evil.example/x")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "http://user@localhost:59300/x")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "file:///etc/passwd")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, "not a url")).isFalse();
        assertThat(OutputOrigin.sameOrigin(provider, null)).isFalse();
        URI https = URI.create("https://api.provider.example");
        assertThat(OutputOrigin.sameOrigin(https, "https://api.provider.example:443/o.jpg")).isTrue();
        assertThat(OutputOrigin.sameOrigin(https, "https://cdn.provider.example/o.jpg")).isFalse();
    }

    @Test
    void outputNamesFollowTheOriginal() {
        assertThat(OutputNames.of("session_s/room_r/photos/1712345678901_kitchen.jpg", ProcessingService.RESTORATION,
                "image/jpeg")).isEqualTo("kitchen-restored.jpg");
        assertThat(OutputNames.of("session_s/room_r/photos/1712345678901_old wall.png", ProcessingService.RENDER,
                "image/png")).isEqualTo("old_wall-render.png");
        assertThat(OutputNames.of("", ProcessingService.RENDER, "image/jpeg")).isEqualTo("photo-render.jpg");
        assertThat(OutputNames.of("a/<script>.jpg", ProcessingService.RENDER, "image/jpeg"))
                .isEqualTo("_script_-render.jpg");
    }
}
