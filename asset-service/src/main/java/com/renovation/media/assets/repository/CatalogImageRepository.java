package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CatalogImageRepository implements PanacheRepositoryBase<CatalogImage, UUID> {

    public Uni<List<CatalogImage>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** The image, row-locked for the rest of the transaction; null when the projection has none. */
    public Uni<CatalogImage> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The version of the image's withdrawal; null when it was never withdrawn (or published again since). */
    public Uni<Long> withdrawnVersion(UUID id) {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT version FROM catalog_image_withdrawals WHERE id = :id", Long.class)
                .setParameter("id", id)
                .getResultList())
                .map(versions -> versions.isEmpty() ? null : versions.get(0));
    }

    /** Remembers the withdrawal, keeping the higher version when one is remembered already. */
    public Uni<Void> recordWithdrawal(UUID id, long version) {
        return getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO catalog_image_withdrawals (id, version) VALUES (:id, :version)"
                                + " ON CONFLICT (id) DO UPDATE SET withdrawn_at = now(),"
                                + " version = greatest(catalog_image_withdrawals.version, excluded.version)")
                .setParameter("id", id)
                .setParameter("version", version)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The image is public again (published after its withdrawal). */
    public Uni<Void> forgetWithdrawal(UUID id) {
        return getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM catalog_image_withdrawals WHERE id = :id")
                .setParameter("id", id)
                .executeUpdate())
                .replaceWithVoid();
    }
}
