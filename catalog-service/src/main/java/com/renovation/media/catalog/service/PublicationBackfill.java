package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes, once the service is up, every style and then every public image that never was (it became public before the catalog
 * published its images), so the projections of other services start complete. Batches of locked rows, one
 * transaction each; an image published meanwhile has a version and is no longer among them.
 */
@ApplicationScoped
public class PublicationBackfill {

    private static final Logger LOG = Logger.getLogger(PublicationBackfill.class);
    static final int BATCH = 100;

    private final StyleImageRepository images;
    private final ImagePublications publications;
    private final StylePublications styles;
    private final Vertx vertx;

    public PublicationBackfill(StyleImageRepository images, ImagePublications publications, StylePublications styles,
            Vertx vertx) {
        this.styles = styles;
        this.images = images;
        this.publications = publications;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        // Hibernate Reactive runs on a duplicated Vert.x context marked safe, as a request's would be
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> styles.publishUnpublished().invoke(count -> {
                    if (count > 0) {
                        LOG.infof("published %d catalog styles that had never been published", count);
                    }
                }).chain(this::publishUnpublished).subscribe().with(
                count -> {
                    if (count > 0) {
                        LOG.infof("published %d catalog images that had never been published", count);
                    }
                },
                failure -> LOG.errorf(failure, "publishing the catalog's unpublished styles and images failed; the next start"
                        + " tries again")));
    }

    /** Publishes batch after batch; answers how many images were published in all. */
    public Uni<Integer> publishUnpublished() {
        return publishFrom(0);
    }

    private Uni<Integer> publishFrom(int before) {
        return Panache.withTransaction(() -> images.lockUnpublished(BATCH).call(this::publishAll))
                .chain(batch -> batch.size() < BATCH ? Uni.createFrom().item(before + batch.size())
                        : publishFrom(before + batch.size()));
    }

    private Uni<Void> publishAll(List<StyleImage> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StyleImage image : batch) {
            chain = chain.chain(() -> publications.published(image));
        }
        return chain;
    }
}
