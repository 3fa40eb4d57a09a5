package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /**
     * The owner's workspace session, created on first use together with its one room. Two first uploads at once
     * both end up in the same session: the second insert waits on the unique index, then does nothing.
     */
    public Uni<Session> ensureWorkspace(String ownerId) {
        UUID sessionId = UUID.randomUUID();
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO sessions (id, owner_id, title, kind)"
                        + " VALUES (:id, :owner, 'Workspace', 'workspace')"
                        + " ON CONFLICT (owner_id) WHERE kind = 'workspace' DO NOTHING")
                .setParameter("id", sessionId).setParameter("owner", ownerId).executeUpdate()
                .chain(created -> created == 0 ? Uni.createFrom().voidItem()
                        : s.createNativeQuery("INSERT INTO rooms (id, session_id, name, room_type)"
                                + " VALUES (:id, :session, 'Workspace', 'workspace')")
                                .setParameter("id", UUID.randomUUID()).setParameter("session", sessionId)
                                .executeUpdate().replaceWithVoid()))
                .chain(() -> workspaceOf(ownerId));
    }

    /** The owner's workspace session, or null before their first workspace upload. */
    public Uni<Session> workspaceOf(String ownerId) {
        return find("ownerId = ?1 and kind = ?2", ownerId, SessionKind.WORKSPACE).firstResult();
    }

    /** When the session last changed ({@code session_last_activity}); null if there is no such session. */
    public Uni<Instant> lastActivity(UUID sessionId) {
        return getSession().chain(s -> s.createNativeQuery(
                        "SELECT session_last_activity(id, updated_at) FROM sessions WHERE id = :id", Instant.class)
                .setParameter("id", sessionId).getSingleResultOrNull());
    }
}
