package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    /** A session's rooms in creation order after the cursor; limit + 1 rows. */
    public Uni<List<Room>> pageOfSession(UUID sessionId, SortKey after, int limit) {
        if (after == null) {
            return find("sessionId = ?1 order by createdAt, id", sessionId).range(0, limit).list();
        }
        return find("sessionId = :session and (createdAt > :created or (createdAt = :created and id > :id))"
                + " order by createdAt, id",
                Parameters.with("session", sessionId).and("created", after.createdAt()).and("id", after.id()))
                .range(0, limit).list();
    }
}
