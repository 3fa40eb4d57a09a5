package com.renovation.media.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StyleRepository implements PanacheRepositoryBase<Style, UUID> {

    public Uni<Style> bySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    public Uni<List<Style>> ofSeedCatalog(String catalog) {
        return list("seedCatalog = ?1 order by slug", catalog);
    }
}
