package com.renovation.media.variants.service;

import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.ImagingThreads;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPipeline;
import com.renovation.media.variants.imaging.VariantPreset;
import com.renovation.media.variants.imaging.heif.HeifDecoder;
import com.renovation.media.variants.imaging.vips.Libvips;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The configured presets and formats, and the pipeline that makes them: read once at start. The web formats
 * (JPEG, WebP) make a source ready; slower formats (AVIF) follow, off that critical path.
 */
@ApplicationScoped
public class VariantPlan {

    private static final Logger LOG = Logger.getLogger(VariantPlan.class);

    private final List<VariantPreset> presets;
    private final List<VariantFormat> webFormats;
    private final List<VariantFormat> laterFormats;
    private final ExecutorService encoders;
    private final HeifDecoder heif;
    private final VariantPipeline pipeline;

    public VariantPlan(VariantConfig config) {
        this.presets = presets(config.presets());
        List<VariantFormat> formats = config.formats().stream().distinct().toList();
        this.webFormats = formats.stream().filter(f -> !f.deferred()).toList();
        this.laterFormats = formats.stream().filter(VariantFormat::deferred)
                .filter(f -> f != VariantFormat.AVIF || encodesAvif()).toList();
        if (webFormats.isEmpty()) {
            throw new IllegalArgumentException("platform.variants.formats needs jpeg or webp: " + formats
                    + " would never make a source ready");
        }
        // one encoder thread per image rendered at once, for the encodes each render hands aside
        this.encoders = Executors.newFixedThreadPool(config.concurrency(), ImagingThreads.named("imaging-encoder"));
        this.heif = new HeifDecoder(config.heifDecoder(), config.heifDecodeTimeout(),
                Path.of(System.getProperty("java.io.tmpdir")), config.heifDecodeMemory().asLongValue());
        this.pipeline = new VariantPipeline(
                new ImageProbe(config.maxPixels(), config.maxSourceBytes(), config.maxJpegScans()), encoders, heif);
    }

    @PreDestroy
    void stop() {
        encoders.shutdownNow();
    }

    private static boolean encodesAvif() {
        if (!Libvips.get().encodesAvif()) {
            LOG.warnf("AVIF variants skipped: %s has no AV1 encoder", Libvips.get());
            return false;
        }
        return true;
    }

    /** Largest box first, then by name: the same order on every replica and in every log line. */
    static List<VariantPreset> presets(Map<String, VariantConfig.Box> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("no variant presets configured (platform.variants.presets.*)");
        }
        return boxes.entrySet().stream()
                .map(e -> new VariantPreset(e.getKey(), e.getValue().maxWidth(), e.getValue().maxHeight()))
                .sorted(Comparator.comparingLong((VariantPreset p) -> (long) p.maxWidth() * p.maxHeight()).reversed()
                        .thenComparing(VariantPreset::name))
                .toList();
    }

    /**
     * libvips is loaded and the HEIF decoder looked for at start, so a missing library or tool stops the worker
     * here, not on the first upload; and one small render in every format pages in the codecs and compiles the
     * calls, so the first upload after a start is as fast as the next.
     */
    void onStart(@Observes StartupEvent event) {
        String heifVersion = heif.checkAndClean();
        long start = System.nanoTime();
        pipeline.render(Libvips.get().sampleJpeg(640, 480), presets, allFormats());
        LOG.infof("imaging: %s, warmed in %d ms; HEIF: %s (%s); variants: %s in %s, then %s", Libvips.get(),
                (System.nanoTime() - start) / 1_000_000, heif, heifVersion, presets, webFormats, laterFormats);
    }

    public List<VariantPreset> presets() {
        return presets;
    }

    /** The formats that make a source ready. */
    public List<VariantFormat> webFormats() {
        return webFormats;
    }

    /** The formats made after the source is ready, as further variants. */
    public List<VariantFormat> laterFormats() {
        return laterFormats;
    }

    /** Every format, as a regeneration makes them at once. */
    public List<VariantFormat> allFormats() {
        return Stream.concat(webFormats.stream(), laterFormats.stream()).toList();
    }

    /**
     * The web formats made of this source: the configured ones its owner's plan allows. Should a plan allow none
     * of them, all are made: a source without web variants would never become ready.
     */
    public List<VariantFormat> webFormatsOf(SourceImage source) {
        List<VariantFormat> allowed = allowed(webFormats, source);
        return allowed.isEmpty() ? webFormats : allowed;
    }

    /** The slower formats made of this source: the configured ones its owner's plan allows. */
    public List<VariantFormat> laterFormatsOf(SourceImage source) {
        return allowed(laterFormats, source);
    }

    private static List<VariantFormat> allowed(List<VariantFormat> configured, SourceImage source) {
        return source.formats() == null ? configured : configured.stream()
                .filter(format -> source.formats().contains(format.name().toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * How many variants make this source ready (announced with each variant.ready): for a video, its poster
     * frame's and its web MP4.
     */
    public int expectedVariants(SourceImage source) {
        return presets.size() * webFormatsOf(source).size() + (source.isVideo() ? 1 : 0);
    }

    public VariantPipeline pipeline() {
        return pipeline;
    }
}
