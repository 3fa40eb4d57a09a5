package com.renovation.media.variants.service;

import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.imaging.ImageRejectedException;
import com.renovation.media.variants.imaging.ImagingThreads;
import com.renovation.media.variants.imaging.RenderAbort;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.VariantFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Renders one source's variants on the bounded imaging pool, under a deadline: decoding and encoding are CPU
 * work that must neither run on the event loop nor hold a partition forever. When the deadline passes, the
 * render is aborted (libvips stops at its next strip, the thread is interrupted, the pipeline checks between steps) and the source is
 * refused with the reason, so the consumer goes on with the next record.
 */
@ApplicationScoped
public class VariantRenderer {

    private static final Logger LOG = Logger.getLogger(VariantRenderer.class);

    private final VariantPlan plan;
    private final Duration timeout;
    /** Renders that make a source ready (or regenerate it), and those of the slower formats that follow. */
    private final Timer readyRenderTime;
    private final Timer laterRenderTime;
    /** Bounds how many images are rendered at once. */
    private final ExecutorService imaging;
    /** The slower formats, one at a time, so they never hold up the formats that make a source ready. */
    private final ExecutorService imagingLater;

    public VariantRenderer(VariantPlan plan, VariantConfig config, MeterRegistry registry) {
        this.plan = plan;
        this.timeout = config.renderTimeout();
        this.readyRenderTime = registry.timer("variants.render", "pass", "ready");
        this.laterRenderTime = registry.timer("variants.render", "pass", "later");
        this.imaging = Executors.newFixedThreadPool(config.concurrency(), ImagingThreads.named("imaging"));
        this.imagingLater = Executors.newSingleThreadExecutor(ImagingThreads.named("imaging-later"));
    }

    @PreDestroy
    void stop() {
        imaging.shutdownNow();
        imagingLater.shutdownNow();
    }

    /**
     * Every planned variant of {@code source}, completed back on the caller's Vert.x context.
     *
     * @return fails with {@link ImageRejectedException} when the source can never have variants or the render
     *         took longer than the configured timeout
     */
    public Uni<List<RenderedVariant>> render(SourceImage source, byte[] bytes, List<VariantFormat> formats) {
        Context context = Vertx.currentContext();
        RenderAbort abort = new RenderAbort();
        boolean later = formats.stream().allMatch(VariantFormat::deferred);
        Timer timer = later ? laterRenderTime : readyRenderTime;
        CompletableFuture<List<RenderedVariant>> rendering = CompletableFuture.supplyAsync(() -> {
            abort.start();
            try {
                return timer.record(() -> renderNow(source, bytes, formats, abort));
            } finally {
                abort.finish();
            }
        }, later ? imagingLater : imaging);
        return Uni.createFrom().completionStage(rendering)
                .ifNoItem().after(timeout).recoverWithUni(() -> {
                    String reason = "decoding and rendering took longer than " + readable(timeout);
                    abort.abort(reason);
                    LOG.warnf("%s: %s, aborted", source, reason);
                    return Uni.createFrom().failure(new ImageRejectedException(reason));
                })
                .emitOn(task -> {
                    if (context == null) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                });
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The render itself, on an imaging thread; overridable so tests can hold a render in flight. */
    protected List<RenderedVariant> renderNow(SourceImage source, byte[] bytes, List<VariantFormat> formats,
            RenderAbort abort) {
        return plan.pipeline().render(bytes, plan.presets(), formats, abort);
    }
}
