package com.renovation.media.variants;

import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.imaging.RenderAbort;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.service.VariantPlan;
import com.renovation.media.variants.service.VariantRenderer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The worker's renderer, except that a test can hold the render of chosen sources after their variants are
 * made and before they are handed back for storing: a render in flight, made deterministic. Sources nobody
 * holds render as usual.
 */
@Alternative
@Priority(1)
@Singleton
public class HeldRenderer extends VariantRenderer {

    private static final Map<UUID, Hold> HOLDS = new ConcurrentHashMap<>();

    public HeldRenderer(VariantPlan plan, VariantConfig config, MeterRegistry registry) {
        super(plan, config, registry);
    }

    /** The next render of {@code source} waits in flight until {@link #release(UUID)}. */
    public static void hold(UUID source) {
        HOLDS.put(source, new Hold());
    }

    /** Waits until the held render of {@code source} has made its variants. */
    public static void awaitInFlight(UUID source) throws InterruptedException {
        if (!HOLDS.get(source).inFlight.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the render of " + source + " never started");
        }
    }

    public static void release(UUID source) {
        HOLDS.remove(source).released.countDown();
    }

    @Override
    protected List<RenderedVariant> renderNow(SourceImage source, byte[] bytes, List<VariantFormat> formats,
            RenderAbort abort) {
        List<RenderedVariant> made = super.renderNow(source, bytes, formats, abort);
        Hold hold = HOLDS.get(source.id());
        if (hold != null) {
            hold.inFlight.countDown();
            try {
                hold.released.await(50, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return made;
    }

    private static final class Hold {
        final CountDownLatch inFlight = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
    }
}
