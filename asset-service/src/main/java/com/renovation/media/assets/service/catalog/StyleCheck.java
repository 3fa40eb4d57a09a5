package com.renovation.media.assets.service.catalog;

import com.renovation.media.assets.repository.CatalogStyleRepository;
import com.renovation.media.web.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;

/** {@code metadata.styleApplied} names a style of the catalog, by its slug, that is not deleted. */
@ApplicationScoped
public class StyleCheck {

    static final String FIELD = "styleApplied";

    private final CatalogStyleRepository styles;

    public StyleCheck(CatalogStyleRepository styles) {
        this.styles = styles;
    }

    /**
     * Checks the style the metadata names, unless it is the one already stored: an asset keeps the style it was
     * made in even after the catalog drops it.
     */
    public Uni<Void> require(Map<String, Object> metadata, Map<String, Object> stored) {
        Object slug = metadata == null ? null : metadata.get(FIELD);
        if (slug == null || stored != null && Objects.equals(slug, stored.get(FIELD))) {
            return Uni.createFrom().voidItem();
        }
        return styles.existsBySlug(String.valueOf(slug)).invoke(known -> {
            if (!known) {
                throw ApiException.invalid("metadata." + FIELD, "must name a style of the catalog by its slug; "
                        + slug + " is none");
            }
        }).replaceWithVoid();
    }
}
