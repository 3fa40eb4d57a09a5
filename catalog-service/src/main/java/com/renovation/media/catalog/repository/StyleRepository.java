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

    /** Styles never announced, locked with SKIP LOCKED so replicas starting at once take disjoint ones. */
    public Uni<List<Style>> lockUnpublished() {
        return getSession().chain(s -> s.createNativeQuery("SELECT id FROM styles WHERE published_version = 0"
                        + " ORDER BY id FOR UPDATE SKIP LOCKED", UUID.class).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Style>of())
                        : list("id in ?1 order by id", ids));
    }

    public Uni<List<Style>> ofSeedCatalog(String catalog) {
        return list("seedCatalog = ?1 order by slug", catalog);
    }
}
