package com.renovation.media.catalog.repository;

import com.renovation.media.contracts.variants.VariantStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StyleImageVariantRepository implements PanacheRepositoryBase<StyleImageVariant, UUID> {

    public Uni<List<StyleImageVariant>> ofImage(UUID imageId) {
        return list("imageId = ?1 order by variantType, format", imageId);
    }

    public Uni<List<StyleImageVariant>> ofImages(List<UUID> imageIds) {
        return imageIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("imageId in ?1 order by variantType, format", imageIds);
    }

    public Uni<StyleImageVariant> find(UUID imageId, String variantType, String format) {
        return find("imageId = ?1 and variantType = ?2 and format = ?3", imageId, variantType, format).firstResult();
    }

    public Uni<Long> countReady(UUID imageId) {
        return count("imageId = ?1 and status = ?2", imageId, VariantStatus.READY);
    }
}
