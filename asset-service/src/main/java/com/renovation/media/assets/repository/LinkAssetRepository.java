package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LinkAssetRepository implements PanacheRepositoryBase<LinkAsset, LinkAsset.Key> {

    /** The asset rows left of these links, each link's in order. */
    public Uni<List<LinkAsset>> ofLinks(List<UUID> linkIds) {
        return linkIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("linkId in ?1 order by linkId, position", linkIds);
    }

    public Uni<Long> countOf(UUID linkId) {
        return count("linkId", linkId);
    }
}
