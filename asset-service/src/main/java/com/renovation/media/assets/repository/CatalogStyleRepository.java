package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class CatalogStyleRepository implements PanacheRepositoryBase<CatalogStyle, UUID> {

    /** The style, row-locked for the rest of the transaction; null when the projection has none. */
    public Uni<CatalogStyle> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Boolean> existsBySlug(String slug) {
        return count("slug = ?1 and deleted = false", slug).map(n -> n > 0);
    }
}
