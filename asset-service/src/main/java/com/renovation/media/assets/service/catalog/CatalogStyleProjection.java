package com.renovation.media.assets.service.catalog;

import com.renovation.media.assets.repository.CatalogStyle;
import com.renovation.media.assets.repository.CatalogStyleRepository;
import com.renovation.media.contracts.events.payload.CatalogStyleChanged;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps {@code catalog_styles} in step with catalog-service, inside the consumer's transaction. A style's events
 * apply in the order of their version: one not newer than the row changes nothing, and a deletion stays as a
 * row so an older event arriving late cannot bring the style back.
 */
@ApplicationScoped
public class CatalogStyleProjection {

    private static final Logger LOG = Logger.getLogger(CatalogStyleProjection.class);

    private final CatalogStyleRepository styles;

    public CatalogStyleProjection(CatalogStyleRepository styles) {
        this.styles = styles;
    }

    public Uni<Void> changed(CatalogStyleChanged event) {
        if (event.styleId() == null || event.version() < 1 || event.slug() == null
                || !CatalogImageProjection.SLUG.matcher(event.slug()).matches() || event.name() == null) {
            throw new PermanentEventFailure("catalog.style.changed without a style id, a version, a valid slug or"
                    + " a name");
        }
        return styles.lock(event.styleId()).chain(found -> {
            if (found != null && found.version >= event.version()) {
                LOG.debugf("catalog style %s version %d is not newer than %d, ignored", event.styleId(),
                        event.version(), found.version);
                return Uni.createFrom().voidItem();
            }
            CatalogStyle style = found != null ? found : new CatalogStyle();
            style.id = event.styleId();
            style.slug = event.slug();
            style.name = event.name();
            style.version = event.version();
            style.deleted = event.deleted();
            style.updatedAt = Instant.now();
            return found != null ? Uni.createFrom().voidItem() : styles.persist(style).replaceWithVoid();
        });
    }
}
