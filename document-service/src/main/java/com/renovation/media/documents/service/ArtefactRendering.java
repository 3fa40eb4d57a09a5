package com.renovation.media.documents.service;

import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.documents.render.PngRender;
import com.renovation.media.documents.render.RenderFailure;
import com.renovation.media.documents.render.RenderedPicture;
import com.renovation.media.documents.render.SvgDrawing;
import com.renovation.media.documents.render.SvgPdfLayout;
import com.renovation.media.documents.repository.ErasureMarks;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.storage.svg.SanitizedSvg;
import com.renovation.media.storage.svg.SvgLimits;
import com.renovation.media.storage.svg.SvgRefusedException;
import com.renovation.media.storage.svg.SvgSanitizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Makes an artefact version's thumbnail or export. Outside any transaction: the source is read (bounded by the
 * sanitiser's byte limit), sanitised again — asset-service did so before storing it, and a source that reaches
 * the renderer unsanitised (a bug, a forged object) must not be drawn — then drawn on a worker thread and
 * stored at the job's computed key. A drawing that cannot be made (refused, unreadable, too large, missing) ends
 * as {@code artefact.render.failed} with the reason and no object; S3 failures fail the attempt, which the
 * consumer retries. The event is announced in the consumer's transaction, under the session's erasure lock:
 * a session or room erased meanwhile gets no event, and the caller removes the object it stored.
 */
@ApplicationScoped
public class ArtefactRendering {

    private static final Logger LOG = Logger.getLogger(ArtefactRendering.class);

    /**
     * What one job came to: the event to announce and the object stored for it (null when none was); an
     * outcome without an event means the session or room was erased before anything was read.
     */
    public record Outcome(ArtefactJob job, EventPayload event, String storedKey) {

        static Outcome erased(ArtefactJob job) {
            return new Outcome(job, null, null);
        }
    }

    private final ErasureMarks marks;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final SvgPdfLayout pdfLayout;
    private final MeterRegistry registry;
    private final SvgSanitizer sanitizer = new SvgSanitizer(SvgLimits.DEFAULT);

    public ArtefactRendering(ErasureMarks marks, ObjectStore objects, Outbox outbox, SvgPdfLayout pdfLayout,
            MeterRegistry registry) {
        this.marks = marks;
        this.objects = objects;
        this.outbox = outbox;
        this.pdfLayout = pdfLayout;
        this.registry = registry;
    }

    /** Reads, draws and stores the job's picture; no transaction is held meanwhile. */
    public Uni<Outcome> render(ArtefactJob job) {
        return Panache.withSession(() -> marks.erased(job.sessionId(), job.roomId())).chain(erased -> {
            if (erased) {
                LOG.infof("%s not made: its session or room was erased", job.describe());
                return Uni.createFrom().item(Outcome.erased(job));
            }
            return readSource(job)
                    .chain(source -> WorkerThread.run(() -> draw(job, source)))
                    .chain(picture -> objects.put(Buckets.USER_UPLOADS, job.targetKey(), picture.bytes(),
                                    job.format().contentType())
                            .replaceWith(new Outcome(job, job.rendered(picture.bytes().length, picture.width(),
                                    picture.height()), job.targetKey())))
                    .onFailure(RenderFailure.class).recoverWithItem(e -> failed(job, e.getMessage()));
        });
    }

    /**
     * In the caller's transaction: adds the outcome's event to the outbox unless the session or room was erased
     * (answers false then, and the caller removes {@link Outcome#storedKey()}).
     */
    public Uni<Boolean> announce(Outcome outcome) {
        if (outcome.event() == null) {
            return Uni.createFrom().item(true);
        }
        ArtefactJob job = outcome.job();
        return marks.lockAndCheckErased(job.sessionId(), job.roomId())
                .chain(erased -> {
                    if (erased) {
                        LOG.infof("%s made after its session or room was erased: not announced", job.describe());
                        return Uni.createFrom().item(false);
                    }
                    return outbox.add(outcome.event()).replaceWith(true);
                });
    }

    /** Removes the object of an outcome that was not announced. */
    public Uni<Void> discard(Outcome outcome) {
        return outcome.storedKey() == null ? Uni.createFrom().voidItem()
                : objects.delete(Buckets.USER_UPLOADS, outcome.storedKey());
    }

    /**
     * The source's bytes; one larger than the sanitiser reads, empty or missing cannot be drawn. The read asks for
     * one byte more than the limit at most, so even an object replaced after the HEAD is never held whole.
     */
    private Uni<byte[]> readSource(ArtefactJob job) {
        int limit = SvgLimits.DEFAULT.maxBytes();
        return objects.head(Buckets.USER_UPLOADS, job.sourceKey()).chain(info -> {
            if (info.isEmpty() || info.get().size() == 0) {
                throw new RenderFailure("the version's source " + job.sourceKey() + " is missing or empty");
            }
            if (info.get().size() > limit) {
                throw new RenderFailure("the version's source is " + info.get().size() + " bytes, more than the "
                        + limit + " an SVG may have");
            }
            return objects.readRange(Buckets.USER_UPLOADS, job.sourceKey(), 0, limit);
        }).invoke(bytes -> {
            if (bytes.length > limit) {
                throw new RenderFailure("the version's source is more than the " + limit + " bytes an SVG may have");
            }
        });
    }

    /** Blocking: sanitises, parses and draws (a worker thread). */
    private RenderedPicture draw(ArtefactJob job, byte[] source) {
        long started = System.nanoTime();
        SanitizedSvg svg;
        try {
            svg = sanitizer.sanitize(source);
        } catch (SvgRefusedException e) {
            throw new RenderFailure("the source was refused (" + e.reason().value() + "): " + e.getMessage());
        }
        RenderedPicture picture;
        if (job.format() == ExportFormat.SVG) {
            picture = new RenderedPicture(svg.content(), (int) Math.round(svg.width()), (int) Math.round(svg.height()));
        } else {
            SvgDrawing drawing = SvgDrawing.parse(svg);
            if (job.isThumbnail()) {
                picture = PngRender.thumbnail(drawing);
            } else if (job.format() == ExportFormat.PNG) {
                picture = PngRender.export(drawing, job.width());
            } else {
                picture = pdfLayout.render(drawing, job.heading());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        registry.timer("artefacts.render", "format", job.isThumbnail() ? "thumbnail" : job.format().value())
                .record(Duration.ofMillis(millis));
        LOG.infof("%s made: %d bytes, %d×%d, in %d ms", job.describe(), picture.bytes().length, picture.width(),
                picture.height(), millis);
        return picture;
    }

    private Outcome failed(ArtefactJob job, String reason) {
        LOG.warnf("%s failed: %s", job.describe(), reason);
        registry.counter("artefacts.render.failed", "format", job.isThumbnail() ? "thumbnail" : job.format().value())
                .increment();
        return new Outcome(job, job.failed(reason), null);
    }
}
