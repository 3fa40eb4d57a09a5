package com.renovation.media.assets.repository;

import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArtefactRepository implements PanacheRepositoryBase<Artefact, UUID> {

    /** The artefact locked until the transaction ends: saving a version serialises on it. */
    public Uni<Artefact> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A session's artefacts, most recently changed first, optionally of one room and kind; limit + 1 rows. */
    public Uni<List<Artefact>> pageOfSession(UUID sessionId, UUID roomId, ArtefactKind kind, SortKey after,
            int limit) {
        StringBuilder query = new StringBuilder("sessionId = :session");
        Parameters params = Parameters.with("session", sessionId);
        if (roomId != null) {
            query.append(" and roomId = :room");
            params.and("room", roomId);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (after != null) {
            query.append(" and (updatedAt < :updated or (updatedAt = :updated and id < :id))");
            params.and("updated", after.createdAt()).and("id", after.id());
        }
        query.append(" order by updatedAt desc, id desc");
        return find(query.toString(), params).range(0, limit).list();
    }
}
