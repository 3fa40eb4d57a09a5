package com.renovation.media.documents.service;

import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.render.DocumentRenderer;
import com.renovation.media.documents.render.RenderFailure;
import com.renovation.media.documents.render.RenderRequest;
import com.renovation.media.documents.render.RenderedDocument;
import com.renovation.media.documents.repository.DocumentArtifact;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.events.payload.DocumentFailed;
import com.renovation.media.events.payload.DocumentReady;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Renders recorded requests. A round claims rows (SKIP LOCKED, then a lease, committed at once), so the slow
 * part — reading images, laying out the PDF on a worker thread, storing it — runs outside any transaction
 * and replicas never render the same row together. The object key comes from the row, so a retried render
 * overwrites the same object; the row turns {@code ready} and {@code document.ready} is added to the outbox
 * in one transaction. Content that cannot be drawn fails the document at once with {@code document.failed};
 * other failures are retried with backoff until {@code max-attempts}. A renderer that dies leaves its lease
 * to run out, and the row is taken again.
 */
@ApplicationScoped
public class DocumentRendering {

    private static final Logger LOG = Logger.getLogger(DocumentRendering.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

    private final DocumentArtifactRepository artifacts;
    private final ReportImageLoader images;
    private final DocumentRenderer renderer;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final DocumentConfig config;
    private final MeterRegistry registry;

    public DocumentRendering(DocumentArtifactRepository artifacts, ReportImageLoader images,
            DocumentRenderer renderer, ObjectStore objects, Outbox outbox, DocumentConfig config,
            MeterRegistry registry) {
        this.artifacts = artifacts;
        this.images = images;
        this.renderer = renderer;
        this.objects = objects;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(every = "${platform.documents.render-poll:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return renderDue().onFailure().invoke(e -> LOG.warnf("render round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Claims and renders what is due, round after round until nothing is; answers how many it rendered. */
    public Uni<Integer> renderDue() {
        return claim().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::renderOne)
                    .collect().asList()
                    .chain(done -> renderDue().map(more -> more + done.size()));
        });
    }

    private Uni<List<DocumentArtifact>> claim() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> artifacts.lockRenderable(now, config.renderBatchSize())
                .invoke(rows -> rows.forEach(row -> {
                    row.status = "rendering";
                    row.leaseUntil = now.plus(config.renderLease());
                    row.attempts++;
                })));
    }

    private Uni<Void> renderOne(DocumentArtifact row) {
        Context context = Vertx.currentContext();
        long started = System.nanoTime();
        RenderRequest request = new RenderRequest(row.documentType, row.title, row.phase, row.version, row.content,
                Instant.now());
        return images.load(row.documentType, row.content)
                .chain(found -> Uni.createFrom().item(() -> renderer.render(request, found))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .emitOn(task -> runOn(context, task)))
                .call(document -> objects.put(Buckets.USER_UPLOADS, row.storagePath, document.pdf(), "application/pdf"))
                .chain(document -> ready(row, document))
                .invoke(() -> registry.timer("documents.render", "type", row.documentType, "outcome", "ready")
                        .record(Duration.ofNanos(System.nanoTime() - started)))
                .onFailure(RenderFailure.class).recoverWithUni(e -> failed(row, e.getMessage()))
                .onFailure().recoverWithUni(e -> retryLater(row, e));
    }

    private Uni<Void> ready(DocumentArtifact claimed, RenderedDocument document) {
        return Panache.withTransaction(() -> artifacts.findById(claimed.id).chain(row -> {
            if (row == null) {
                // the session was erased while rendering: the object must not outlive its rows
                return objects.delete(Buckets.USER_UPLOADS, claimed.storagePath);
            }
            if (!"rendering".equals(row.status)) {
                return Uni.createFrom().voidItem();
            }
            row.status = "ready";
            row.error = null;
            row.leaseUntil = null;
            row.fileSize = (long) document.pdf().length;
            row.pageCount = document.pageCount();
            row.renderedAt = Instant.now();
            Map<String, Object> metadata = new HashMap<>(row.metadata == null ? Map.of() : row.metadata);
            metadata.put("imageCount", document.imageCount());
            metadata.put("skippedImages", document.skippedImages());
            row.metadata = metadata;
            LOG.infof("document %s (%s v%d) ready: %d pages, %d bytes", row.id, row.documentType, row.version,
                    row.pageCount, row.fileSize);
            return outbox.add(new DocumentReady(row.id, row.sessionId, row.version, Buckets.USER_UPLOADS,
                    row.storagePath, row.fileSize, row.pageCount)).replaceWithVoid();
        }));
    }

    private Uni<Void> failed(DocumentArtifact claimed, String reason) {
        registry.counter("documents.render.failed", "type", claimed.documentType).increment();
        return Panache.withTransaction(() -> artifacts.findById(claimed.id).chain(row -> {
            if (row == null || !"rendering".equals(row.status)) {
                return Uni.createFrom().voidItem();
            }
            LOG.warnf("document %s failed: %s", row.id, reason);
            row.status = "failed";
            row.error = reason;
            row.leaseUntil = null;
            return outbox.add(new DocumentFailed(row.id, row.sessionId, row.version, reason)).replaceWithVoid();
        }));
    }

    private Uni<Void> retryLater(DocumentArtifact claimed, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (claimed.attempts >= config.maxAttempts()) {
            return failed(claimed, "rendering failed after " + claimed.attempts + " attempts: " + reason);
        }
        LOG.warnf("document %s: attempt %d failed, retried later: %s", claimed.id, claimed.attempts, reason);
        return Panache.withTransaction(() -> artifacts.findById(claimed.id).invoke(row -> {
            if (row != null && "rendering".equals(row.status)) {
                // still claimed, with a short lease: the row comes back once it runs out (backoff)
                row.leaseUntil = Instant.now().plus(RETRY_BACKOFF.multipliedBy(claimed.attempts));
                row.error = reason;
            }
        })).replaceWithVoid().onFailure().recoverWithNull();
    }

    private static void runOn(Context context, Runnable task) {
        if (context == null) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }
}
