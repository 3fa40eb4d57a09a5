package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.Style;
import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageVariant;
import com.renovation.media.catalog.rest.dto.AdminViews;
import com.renovation.media.catalog.rest.dto.PublicViews.VariantView;
import com.renovation.media.contracts.variants.VariantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Entities as the admin API shows them. */
@ApplicationScoped
public class AdminViewFactory {

    private final PublicUrls urls;

    public AdminViewFactory(PublicUrls urls) {
        this.urls = urls;
    }

    public AdminViews.StyleView of(Style s) {
        return new AdminViews.StyleView(s.id, s.slug, s.name, s.description, s.displayOrder, s.seedCatalog,
                s.createdAt, s.updatedAt);
    }

    public AdminViews.ImageView of(StyleImage i, String styleSlug, List<StyleImageVariant> variants) {
        List<VariantView> ready = variants.stream().filter(v -> v.status == VariantStatus.READY)
                .map(v -> new VariantView(v.variantType, v.format, v.width, v.height, v.fileSize,
                        urls.of(v.storagePath))).toList();
        return new AdminViews.ImageView(i.id, styleSlug, i.status, urls.of(i.storagePath), i.storagePath,
                i.filename, i.contentType, i.fileSize, i.width, i.height, i.sha256, i.caption, i.altText, i.roomType,
                i.tags == null ? List.of() : i.tags, i.displayOrder, i.sourceUrl, i.seedCatalog, ready, i.createdAt,
                i.updatedAt);
    }
}
