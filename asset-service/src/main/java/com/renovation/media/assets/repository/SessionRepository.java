package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    /**
     * An owner's projects (never the workspace), newest first, after the cursor; limit + 1 rows so the caller sees
     * if more exist.
     */
    public Uni<List<Session>> pageOfOwner(String ownerId, SortKey after, int limit) {
        if (after == null) {
            return find("ownerId = ?1 and kind = ?2 order by createdAt desc, id desc", ownerId, SessionKind.PROJECT)
                    .range(0, limit).list();
        }
        return find("ownerId = :owner and kind = :kind"
                + " and (createdAt < :created or (createdAt = :created and id < :id))"
                + " order by createdAt desc, id desc",
                Parameters.with("owner", ownerId).and("kind", SessionKind.PROJECT).and("created", after.createdAt())
                        .and("id", after.id()))
                .range(0, limit).list();
    }
}
