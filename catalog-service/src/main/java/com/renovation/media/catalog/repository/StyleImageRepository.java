package com.renovation.media.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

@ApplicationScoped
public class StyleImageRepository implements PanacheRepositoryBase<StyleImage, UUID> {

    public Uni<StyleImage> byStoragePath(String storagePath) {
        return find("storagePath", storagePath).firstResult();
    }

    public Uni<List<StyleImage>> ofStyle(UUID styleId) {
        return list("styleId = ?1 order by displayOrder, createdAt, id", styleId);
    }

    /** A style's images, row-locked for the rest of the transaction (a confirm in progress is waited for). */
    public Uni<List<StyleImage>> lockOfStyle(UUID styleId) {
        return find("styleId = ?1 order by id", styleId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<StyleImage>> ofSeedCatalog(String catalog) {
        return list("seedCatalog = ?1 order by storagePath", catalog);
    }

    /** An abandoned upload: what the cleanup needs to remove it. */
    public record Abandoned(UUID id, String storagePath) {
    }

    /**
     * Declared uploads never confirmed, locked with SKIP LOCKED so replicas cleaning at once take disjoint rows.
     * Only id and key are read (the entity's tags column needs its read transformer, which native SQL skips).
     */
    @SuppressWarnings("unchecked")
    public Uni<List<Abandoned>> lockAbandoned(java.time.Instant createdBefore, int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT id, storage_path FROM style_images"
                        + " WHERE status = :uploading AND created_at < :before ORDER BY created_at LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED", Object[].class)
                .setParameter("uploading", StyleImageStatus.UPLOADING.value())
                .setParameter("before", createdBefore)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Abandoned((UUID) r[0], (String) r[1])).toList());
    }

    /**
     * Up to {@code limit} public images never published (made public before the catalog published its images),
     * locked with SKIP LOCKED so replicas starting together take disjoint ones.
     */
    public Uni<List<StyleImage>> lockUnpublished(int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT id FROM style_images"
                        + " WHERE published_version = 0 AND status <> :uploading ORDER BY id LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED", UUID.class)
                .setParameter("uploading", StyleImageStatus.UPLOADING.value())
                .setParameter("limit", limit)
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<StyleImage>of())
                        : list("id in ?1 order by id", ids));
    }

    /** The image, row-locked for the rest of the transaction (confirm, variant events and delete must not interleave). */
    public Uni<StyleImage> lock(UUID id) {
        return getSession().chain(s -> s.find(StyleImage.class, id, LockMode.PESSIMISTIC_WRITE));
    }
}
