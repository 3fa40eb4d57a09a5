package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.Style;
import com.renovation.media.catalog.repository.StyleRepository;
import com.renovation.media.contracts.events.payload.CatalogStyleChanged;
import com.renovation.media.messaging.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Tells other services which styles exist, through the outbox in the caller's transaction:
 * {@code catalog.style.changed} when a style is created or renamed, and with {@code deleted} before its row is
 * deleted. Each event takes the style's next {@code published_version}.
 */
@ApplicationScoped
public class StylePublications {

    private static final String NEXT_VERSION = "UPDATE styles SET published_version = published_version + 1"
            + " WHERE id = :id RETURNING published_version";

    private final StyleRepository styles;
    private final Outbox outbox;

    public StylePublications(StyleRepository styles, Outbox outbox) {
        this.styles = styles;
        this.outbox = outbox;
    }

    public Uni<Void> changed(Style style) {
        return publish(style, false);
    }

    public Uni<Void> deleted(Style style) {
        return publish(style, true);
    }

    /** Publishes every style never published (made before styles were published); answers how many. */
    public Uni<Integer> publishUnpublished() {
        return Panache.withTransaction(() -> styles.lockUnpublished()
                .chain(list -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Style style : list) {
                        chain = chain.chain(() -> changed(style));
                    }
                    return chain.replaceWith(list.size());
                }));
    }

    /** Flushes first: the row (maybe just persisted) must be in the database for the UPDATE to number it. */
    private Uni<Void> publish(Style style, boolean deleted) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session
                        .createNativeQuery(NEXT_VERSION, Long.class).setParameter("id", style.id).getSingleResult()))
                .chain(version -> outbox.add(new CatalogStyleChanged(style.id, style.slug, style.name, version,
                        deleted)))
                .replaceWithVoid();
    }
}
