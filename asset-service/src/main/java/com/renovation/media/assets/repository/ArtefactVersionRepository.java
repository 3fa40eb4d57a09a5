package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArtefactVersionRepository implements PanacheRepositoryBase<ArtefactVersion, ArtefactVersion.Key> {

    public Uni<ArtefactVersion> find(UUID artefactId, int version) {
        return findById(new ArtefactVersion.Key(artefactId, version));
    }

    /** Versions below {@code before} (null: from the newest), newest first; limit + 1 rows. */
    public Uni<List<ArtefactVersion>> newestFirst(UUID artefactId, Integer before, int limit) {
        return (before == null ? find("artefactId = ?1 order by version desc", artefactId)
                : find("artefactId = ?1 and version < ?2 order by version desc", artefactId, before))
                .range(0, limit).list();
    }

    /** The versions numbered up to {@code version}: those a plan keeping fewer drops. */
    public Uni<List<ArtefactVersion>> upTo(UUID artefactId, int version) {
        return list("artefactId = ?1 and version <= ?2", artefactId, version);
    }

    /** The numbers of the versions kept, oldest first (to name them when a request asks for another). */
    public Uni<List<Integer>> numbers(UUID artefactId) {
        return getSession().chain(s -> s.createSelectionQuery("select v.version from ArtefactVersion v"
                + " where v.artefactId = :artefact order by v.version", Integer.class)
                .setParameter("artefact", artefactId).getResultList());
    }

    /** The latest version of each of the artefacts given. */
    public Uni<List<ArtefactVersion>> latestOf(List<UUID> artefactIds) {
        return getSession().chain(s -> s.createSelectionQuery("select v from ArtefactVersion v, Artefact a"
                + " where a.id in :ids and v.artefactId = a.id and v.version = a.latestVersion", ArtefactVersion.class)
                .setParameter("ids", artefactIds).getResultList());
    }
}
