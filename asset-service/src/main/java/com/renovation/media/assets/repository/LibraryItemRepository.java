package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LibraryItemRepository implements PanacheRepositoryBase<LibraryItem, UUID> {

    /**
     * Keeps the target for the owner unless it is kept already; answers whether a row was added. ON CONFLICT
     * (the unique owner/target indexes) makes two concurrent saves of one target end in one row, not an error.
     */
    public Uni<Boolean> insertIfAbsent(UUID id, String ownerId, LibraryItemKind kind, UUID target) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO library_items (id, owner_id, "
                        + kind.column() + ") VALUES (:id, :owner, :target) ON CONFLICT DO NOTHING")
                .setParameter("id", id).setParameter("owner", ownerId).setParameter("target", target)
                .executeUpdate()).map(rows -> rows == 1);
    }

    public Uni<LibraryItem> ofTarget(String ownerId, LibraryItemKind kind, UUID target) {
        String field = kind == LibraryItemKind.ASSET ? "assetId" : "styleImageId";
        return find("ownerId = ?1 and " + field + " = ?2", ownerId, target).firstResult();
    }

    public Uni<List<LibraryItem>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** An owner's items, newest first, optionally only (not) favourites or with a tag; limit + 1 rows. */
    public Uni<List<LibraryItem>> pageOfOwner(String ownerId, Boolean favourite, String tag, SortKey after,
            int limit) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters params = Parameters.with("owner", ownerId);
        if (favourite != null) {
            query.append(" and favourite = :favourite");
            params.and("favourite", favourite);
        }
        if (tag != null) {
            // not array_contains: it compares the text[] column with a varchar[], which PostgreSQL refuses
            query.append(" and array_position(tags, :tag) > 0");
            params.and("tag", tag);
        }
        if (after != null) {
            query.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            params.and("created", after.createdAt()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), params).range(0, limit).list();
    }

    /**
     * A workspace asset no library item keeps any more goes back to the workspace and expires like a new one;
     * a project's asset never expires.
     */
    public Uni<Integer> returnToWorkspace(UUID assetId, Duration expiresIn) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE room_assets SET expires_at = now() + make_interval(secs => :seconds)"
                        + " WHERE id = :asset AND session_id IN (SELECT id FROM sessions WHERE kind = :workspace)"
                        + " AND NOT EXISTS (SELECT 1 FROM library_items WHERE asset_id = :asset)")
                .setParameter("seconds", (double) expiresIn.toSeconds()).setParameter("asset", assetId)
                .setParameter("workspace", SessionKind.WORKSPACE.value()).executeUpdate());
    }
}
