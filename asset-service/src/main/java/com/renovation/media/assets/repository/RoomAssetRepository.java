package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

@ApplicationScoped
public class RoomAssetRepository implements PanacheRepositoryBase<RoomAsset, UUID> {

    /** A room's assets by display order, then age; optionally of one type; limit + 1 rows. */
    public Uni<List<RoomAsset>> pageOfRoom(UUID roomId, String assetType, SortKey after, int limit) {
        StringBuilder query = new StringBuilder("roomId = :room");
        Parameters params = Parameters.with("room", roomId);
        if (assetType != null) {
            query.append(" and assetType = :type");
            params.and("type", assetType);
        }
        if (after != null) {
            query.append(" and (displayOrder > :order or (displayOrder = :order and (createdAt > :created"
                    + " or (createdAt = :created and id > :id))))");
            params.and("order", (int) after.order()).and("created", after.createdAt()).and("id", after.id());
        }
        query.append(" order by displayOrder, createdAt, id");
        return find(query.toString(), params).range(0, limit).list();
    }

    /** A session's assets across its rooms, newest first; optionally of one type and status; limit + 1 rows. */
    public Uni<List<RoomAsset>> pageOfSession(UUID sessionId, String assetType, AssetStatus status, SortKey after,
            int limit) {
        StringBuilder query = new StringBuilder("sessionId = :session");
        Parameters params = Parameters.with("session", sessionId);
        if (assetType != null) {
            query.append(" and assetType = :type");
            params.and("type", assetType);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            query.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            params.and("created", after.createdAt()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), params).range(0, limit).list();
    }

    /** The asset, row-locked for the rest of the transaction (confirm and delete must not interleave). */
    public Uni<RoomAsset> lock(UUID id) {
        return getSession().chain(s -> s.find(RoomAsset.class, id, LockMode.PESSIMISTIC_WRITE));
    }

    /** The session's oldest asset in use whose bytes have this SHA-256; null if none. */
    public Uni<RoomAsset> sameBytesInSession(UUID sessionId, String sha256) {
        return find("sessionId = ?1 and sha256 = ?2 and status in ?3 order by createdAt", sessionId, sha256,
                AssetStatus.IN_USE).firstResult();
    }

    /** As {@link #sameBytesInSession(UUID, String)}, other than {@code except}. */
    public Uni<RoomAsset> sameBytesInSession(UUID sessionId, String sha256, UUID except) {
        return find("sessionId = ?1 and sha256 = ?2 and status in ?3 and id <> ?4 order by createdAt", sessionId,
                sha256, AssetStatus.IN_USE, except).firstResult();
    }

    public Uni<Long> countInSession(UUID sessionId, List<UUID> ids) {
        return count("sessionId = ?1 and id in ?2", sessionId, ids);
    }

    /**
     * Abandoned uploads, locked with SKIP LOCKED so replicas running the cleanup at once take disjoint rows.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<RoomAsset>> lockAbandoned(Instant createdBefore, int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM room_assets WHERE status = :pending"
                + " AND created_at < :before ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED", RoomAsset.class)
                .setParameter("pending", AssetStatus.PENDING.value())
                .setParameter("before", createdBefore)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The unsaved assets of a workspace room, newest first, after the cursor; limit + 1 rows. */
    public Uni<List<RoomAsset>> pageOfWorkspace(UUID roomId, SortKey after, int limit) {
        if (after == null) {
            return find("roomId = ?1 and expiresAt is not null order by createdAt desc, id desc", roomId)
                    .range(0, limit).list();
        }
        return find("roomId = :room and expiresAt is not null"
                + " and (createdAt < :created or (createdAt = :created and id < :id)) order by createdAt desc, id desc",
                Parameters.with("room", roomId).and("created", after.createdAt()).and("id", after.id()))
                .range(0, limit).list();
    }

    /**
     * Assets past their expiry (unsaved workspace assets, unpaid temporary uploads), locked with SKIP LOCKED so
     * concurrent cleanups take disjoint rows.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<RoomAsset>> lockExpired(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM room_assets WHERE expires_at < :now"
                + " ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED", RoomAsset.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
