package com.renovation.media.variants.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.config.VariantConfigs;
import com.renovation.media.variants.imaging.ImageRejectedException;
import com.renovation.media.variants.imaging.RenderAbort;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.VariantFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A render that does not finish in time is aborted and refused, and its imaging thread is freed. */
class VariantRendererTest {

    private static final SourceImage SOURCE = new SourceImage(SourceKind.ROOM_ASSET, UUID.randomUUID(),
            UUID.randomUUID(), "user-uploads", "session_x/room_y/photos/1_a.jpg", "image/jpeg");

    /** Blocks until it is interrupted, as a decoder stuck in a scan bomb would until aborted. */
    private static final class StuckRenderer extends VariantRenderer {
        final CountDownLatch interrupted = new CountDownLatch(1);
        volatile RenderAbort seen;

        StuckRenderer(VariantConfig config) {
            super(new VariantPlan(config), config, new SimpleMeterRegistry());
        }

        @Override
        protected List<RenderedVariant> renderNow(SourceImage source, byte[] bytes, List<VariantFormat> formats,
                RenderAbort abort) {
            seen = abort;
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return List.of();
        }
    }

    @Test
    void aRenderPastItsDeadlineIsAbortedAndRefusedWithTheReason() throws InterruptedException {
        StuckRenderer renderer = new StuckRenderer(config(Duration.ofMillis(300)));
        try {
            assertThatThrownBy(() -> renderer.render(SOURCE, new byte[10], List.of(VariantFormat.JPEG)).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOf(ImageRejectedException.class)
                    .hasMessage("decoding and rendering took longer than 300 ms");
            assertThat(renderer.interrupted.await(30, TimeUnit.SECONDS)).as("the imaging thread was interrupted").isTrue();
            assertThat(renderer.seen.aborted()).isTrue();
        } finally {
            renderer.stop();
        }
    }

    private static VariantConfig config(Duration renderTimeout) {
        return VariantConfigs.with(Map.of("platform.variants.render-timeout", renderTimeout.toMillis() + "ms",
                "platform.variants.formats", "jpeg", "platform.variants.concurrency", "1"));
    }
}
