package com.renovation.media.documents.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.render.RenderFailure;
import com.renovation.media.documents.render.RenderRequest;
import com.renovation.media.documents.repository.DocumentArtifact;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.documents.repository.ErasureMarks;
import com.renovation.media.documents.service.FileRenderer.RenderedFile;
import com.renovation.media.contracts.events.payload.DocumentFailed;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Renders recorded requests. A round claims rows (SKIP LOCKED, then a lease, committed at once), so the slow
 * part — reading images, laying out the PDF into a temporary file on a worker thread, storing it — runs
 * outside any transaction and replicas never render the same row together. One round runs per process at a
 * time, so a replica holds one document's render in memory at most. The object key comes from the row, so a
 * retried render overwrites the same object; the row turns {@code ready} and {@code document.ready} is added
 * to the outbox in one transaction. Content that cannot be drawn fails the document at once with
 * {@code document.failed}; other failures are retried with backoff. Every claim counts as an attempt: a
 * renderer that dies (out of memory, killed) leaves its lease to run out and the row is claimed again, until
 * {@code max-attempts} claims ended without a result and the document fails instead.
 */
@ApplicationScoped
public class DocumentRendering {

    private static final Logger LOG = Logger.getLogger(DocumentRendering.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

    private final DocumentArtifactRepository artifacts;
    private final ErasureMarks marks;
    private final FileRenderer renderer;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final DocumentConfig config;
    private final MeterRegistry registry;
    private final AtomicBoolean rendering = new AtomicBoolean();
    /** Set by every call of {@link #renderDue}; a running round looks again while it is set. */
    private final AtomicBoolean wanted = new AtomicBoolean();

    public DocumentRendering(DocumentArtifactRepository artifacts, ErasureMarks marks, FileRenderer renderer,
            ObjectStore objects, Outbox outbox, DocumentConfig config, MeterRegistry registry) {
        this.artifacts = artifacts;
        this.marks = marks;
        this.renderer = renderer;
        this.objects = objects;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
        // at zero from the start, so rate() and the alert see the first failure (a counter born at 1 shows no rise)
        for (DocumentType type : DocumentType.values()) {
            registry.counter("documents.render.failed", "type", type.value());
        }
    }

    @Scheduled(every = "${platform.documents.render-poll}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return renderDue().onFailure().invoke(e -> LOG.warnf("render round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Claims and renders what is due, round after round until nothing is; answers how many it rendered. When
     * a round already runs in this process it answers 0 at once, and that run looks again once it is done: a
     * request committed just after its last claim is rendered then, not at the next scheduled poll.
     */
    public Uni<Integer> renderDue() {
        wanted.set(true);
        if (!rendering.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return whileWanted().eventually(() -> {
            rendering.set(false);
            // asked for between the last look and the line above: that caller got 0, so look once more
            if (wanted.get()) {
                renderDue().subscribe().with(ignored -> {
                }, e -> LOG.warnf("render round failed: %s", e.getMessage()));
            }
        });
    }

    private Uni<Integer> whileWanted() {
        wanted.set(false);
        return rounds().chain(done -> wanted.get() ? whileWanted().map(more -> more + done)
                : Uni.createFrom().item(done));
    }

    private Uni<Integer> rounds() {
        return claim().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::renderOne)
                    .collect().asList()
                    .chain(done -> rounds().map(more -> more + done.size()));
        });
    }

    /** Claims due rows; a row whose attempts are used up fails here instead of being rendered again. */
    private Uni<List<DocumentArtifact>> claim() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> artifacts.lockRenderable(now, config.renderBatchSize())
                .chain(rows -> {
                    List<DocumentArtifact> claimed = new ArrayList<>();
                    Uni<Void> exhausted = Uni.createFrom().voidItem();
                    for (DocumentArtifact row : rows) {
                        if (row.attempts >= config.maxAttempts()) {
                            exhausted = exhausted.chain(() -> fail(row, "rendering did not finish in " + row.attempts
                                    + " attempts: each renderer stopped before it was done (out of memory or killed)"));
                        } else {
                            row.status = DocumentStatus.RENDERING;
                            row.leaseUntil = now.plus(config.renderLease());
                            row.attempts++;
                            claimed.add(row);
                        }
                    }
                    return exhausted.replaceWith(claimed);
                }));
    }

    private Uni<Void> renderOne(DocumentArtifact row) {
        long started = System.nanoTime();
        return WorkerThread.run(() -> renderer.render(request(row), row.sessionId, row.roomId))
                .chain(file -> objects.putFile(Buckets.USER_UPLOADS, row.storagePath, file.file(), "application/pdf")
                        .chain(() -> ready(row, file))
                        .eventually(() -> FileRenderer.delete(file.file())))
                .invoke(() -> registry.timer("documents.render", "type", row.documentType.value(), "outcome",
                        DocumentStatus.READY.value())
                        .record(Duration.ofNanos(System.nanoTime() - started)))
                .onFailure(RenderFailure.class).recoverWithUni(e -> failed(row, e.getMessage()))
                .onFailure().recoverWithUni(e -> retryLater(row, e));
    }

    /**
     * After the PDF is stored: under the row's lock, a row that is gone or whose session or room was erased
     * meanwhile keeps nothing — its PDF (and row) are deleted here and nothing is announced.
     */
    private Uni<Void> ready(DocumentArtifact claimed, RenderedFile file) {
        return Panache.withTransaction(() -> artifacts.lockById(claimed.id).chain(row -> {
            if (row == null) {
                return objects.delete(Buckets.USER_UPLOADS, claimed.storagePath);
            }
            return marks.erased(row.sessionId, row.roomId).chain(erased -> {
                if (erased) {
                    LOG.infof("document %s rendered after its session or room was erased: removed", row.id);
                    return objects.delete(Buckets.USER_UPLOADS, row.storagePath)
                            .chain(() -> artifacts.delete(row)).replaceWithVoid();
                }
                if (row.status != DocumentStatus.RENDERING) {
                    return Uni.createFrom().voidItem();
                }
                row.status = DocumentStatus.READY;
                row.error = null;
                row.leaseUntil = null;
                row.fileSize = file.size();
                row.pageCount = file.document().pageCount();
                row.renderedAt = Instant.now();
                Map<String, Object> metadata = new HashMap<>(row.metadata == null ? Map.of() : row.metadata);
                metadata.put("imageCount", file.document().imageCount());
                metadata.put("skippedImages", file.document().skippedImages());
                metadata.put("omittedImages", file.document().omittedImages());
                row.metadata = metadata;
                LOG.infof("document %s (%s v%d) ready: %d pages, %d bytes", row.id, row.documentType.value(), row.version,
                        row.pageCount, row.fileSize);
                return outbox.add(new DocumentReady(row.id, row.sessionId, row.version, Buckets.USER_UPLOADS,
                        row.storagePath, row.fileSize, row.pageCount)).replaceWithVoid();
            });
        }));
    }

    private Uni<Void> failed(DocumentArtifact claimed, String reason) {
        return Panache.withTransaction(() -> artifacts.lockById(claimed.id).chain(row -> {
            if (row == null || row.status != DocumentStatus.RENDERING) {
                return Uni.createFrom().voidItem();
            }
            return fail(row, reason);
        }));
    }

    /** Within the caller's transaction: the document fails with its reason, unless its session was erased. */
    private Uni<Void> fail(DocumentArtifact row, String reason) {
        return marks.erased(row.sessionId, row.roomId).chain(erased -> {
            if (erased) {
                return artifacts.delete(row).replaceWithVoid();
            }
            registry.counter("documents.render.failed", "type", row.documentType.value()).increment();
            LOG.warnf("document %s failed: %s", row.id, reason);
            row.status = DocumentStatus.FAILED;
            row.error = reason;
            row.leaseUntil = null;
            return outbox.add(new DocumentFailed(row.id, row.sessionId, row.version, reason)).replaceWithVoid();
        });
    }

    private Uni<Void> retryLater(DocumentArtifact claimed, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (claimed.attempts >= config.maxAttempts()) {
            return failed(claimed, "rendering failed after " + claimed.attempts + " attempts: " + reason);
        }
        LOG.warnf("document %s: attempt %d failed, retried later: %s", claimed.id, claimed.attempts, reason);
        return Panache.withTransaction(() -> artifacts.findById(claimed.id).invoke(row -> {
            if (row != null && row.status == DocumentStatus.RENDERING) {
                // still claimed, with a short lease: the row comes back once it runs out (backoff)
                row.leaseUntil = Instant.now().plus(RETRY_BACKOFF.multipliedBy(claimed.attempts));
                row.error = reason;
            }
        })).replaceWithVoid().onFailure().recoverWithNull();
    }

    /** The row's content read as the record of its type; a row that cannot be read cannot be drawn. */
    private static RenderRequest request(DocumentArtifact row) {
        DocumentContent content;
        try {
            content = EventJson.MAPPER.treeToValue(row.content, row.documentType.contentClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RenderFailure("the content is not that of a " + row.documentType.value() + ": "
                    + e.getMessage());
        }
        return new RenderRequest(row.documentType, row.title, row.phase, row.version, content, Instant.now());
    }
}
