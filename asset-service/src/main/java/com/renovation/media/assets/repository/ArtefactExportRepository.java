package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArtefactExportRepository implements PanacheRepositoryBase<ArtefactExport, UUID> {

    /** Exports past their expiry, locked with SKIP LOCKED so replicas take disjoint rows. */
    @SuppressWarnings("unchecked")
    public Uni<List<ArtefactExport>> lockExpired(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM artefact_exports"
                + " WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                        ArtefactExport.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
