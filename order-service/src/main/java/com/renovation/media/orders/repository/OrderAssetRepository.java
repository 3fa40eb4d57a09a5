package com.renovation.media.orders.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderAssetRepository implements PanacheRepositoryBase<OrderAsset, UUID> {

    /**
     * Records a confirmed asset, or refreshes it (a redelivered or re-sent asset.confirmed, e.g. a temporary
     * upload made permanent): one statement, so concurrent deliveries cannot collide on the key.
     */
    public Uni<Integer> upsert(OrderAsset a) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO order_assets (asset_id, session_id, room_id,"
                + " owner_id, asset_type, bucket, storage_path, content_type, file_size, expires_at, confirmed_at)"
                + " VALUES (:id, :session, :room, :owner, :type, :bucket, :path, :contentType, :size, :expires, now())"
                + " ON CONFLICT (asset_id) DO UPDATE SET session_id = EXCLUDED.session_id,"
                + " room_id = EXCLUDED.room_id, owner_id = EXCLUDED.owner_id, asset_type = EXCLUDED.asset_type,"
                + " bucket = EXCLUDED.bucket, storage_path = EXCLUDED.storage_path,"
                + " content_type = EXCLUDED.content_type, file_size = EXCLUDED.file_size,"
                + " expires_at = EXCLUDED.expires_at")
                .setParameter("id", a.assetId)
                .setParameter("session", a.sessionId)
                .setParameter("room", a.roomId)
                .setParameter("owner", a.ownerId)
                .setParameter("type", a.assetType)
                .setParameter("bucket", a.bucket)
                .setParameter("path", a.storagePath)
                .setParameter("contentType", a.contentType)
                .setParameter("size", a.fileSize)
                .setParameter("expires", a.expiresAt)
                .executeUpdate());
    }

    public Uni<List<OrderAsset>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("assetId in ?1", ids);
    }

    public Uni<Long> deleteOfSession(UUID sessionId) {
        return delete("sessionId", sessionId);
    }
}
