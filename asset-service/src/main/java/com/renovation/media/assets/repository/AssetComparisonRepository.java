package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssetComparisonRepository implements PanacheRepositoryBase<AssetComparison, UUID> {

    public Uni<List<AssetComparison>> ofRoom(UUID roomId) {
        return list("roomId = ?1 order by displayOrder, createdAt, id", roomId);
    }
}
