package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.CatalogQueries;
import com.renovation.media.catalog.repository.CatalogQueries.ImageFilter;
import com.renovation.media.catalog.repository.CatalogQueries.ImageRow;
import com.renovation.media.catalog.repository.CatalogQueries.StyleRow;
import com.renovation.media.catalog.repository.CatalogQueries.VariantRow;
import com.renovation.media.catalog.rest.dto.PublicViews.ImageView;
import com.renovation.media.catalog.rest.dto.PublicViews.StyleDetail;
import com.renovation.media.catalog.rest.dto.PublicViews.StyleSummary;
import com.renovation.media.catalog.rest.dto.PublicViews.VariantView;
import com.renovation.media.web.paging.Cursor;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The public catalog: styles and their images with public URLs, filtered and cursor-paged. */
@ApplicationScoped
public class CatalogReadService {

    private final CatalogQueries queries;
    private final PublicUrls urls;
    private final Paging paging;

    public CatalogReadService(CatalogQueries queries, PublicUrls urls, Paging paging) {
        this.queries = queries;
        this.urls = urls;
        this.paging = paging;
    }

    public Uni<Page<StyleSummary>> styles(String cursor, Integer requestedLimit) {
        int limit = paging.limit(requestedLimit);
        Cursor after = Cursor.decode(cursor, 2);
        Integer afterOrder = after == null ? null : parseInt(after.parts().get(0));
        String afterSlug = after == null ? null : after.parts().get(1);
        return queries.styles(afterOrder, afterSlug, limit + 1).map(rows -> Page.of(rows, limit,
                s -> Cursor.of(s.displayOrder(), s.slug()).encode(),
                s -> new StyleSummary(s.slug(), s.name(), s.description(), s.imageCount())));
    }

    public Uni<StyleDetail> style(String slug) {
        return requireStyle(slug).chain(style -> page(style, new ImageFilter(null, List.of(), false), null,
                paging.limit(null)).map(images -> new StyleDetail(style.slug(), style.name(),
                style.description(), style.imageCount(), images.items(), images.nextCursor())));
    }

    /**
     * A style's images. {@code tag} and the comma-separated {@code tags} together name the tags; {@code match}
     * says whether an image needs any of them (default) or all.
     */
    public Uni<Page<ImageView>> images(String slug, String roomType, String tag, String tags, String match,
            String cursor, Integer requestedLimit) {
        int limit = paging.limit(requestedLimit);
        ImageFilter filter = filter(roomType, tag, tags, match);
        SortKey after = SortKey.decode(cursor);
        return requireStyle(slug).chain(style -> page(style, filter, after, limit));
    }

    private Uni<Page<ImageView>> page(StyleRow style, ImageFilter filter, SortKey after, int limit) {
        return queries.images(style.id(), filter, after, limit + 1).chain(rows -> queries.readyVariants(
                rows.stream().map(ImageRow::id).toList()).map(variants -> {
                    Map<UUID, List<VariantRow>> byImage = variants.stream()
                            .collect(Collectors.groupingBy(VariantRow::imageId));
                    return Page.of(rows, limit, i -> new SortKey(i.displayOrder(), i.createdAt(), i.id()).encode(),
                            i -> view(i, byImage.getOrDefault(i.id(), List.of())));
                }));
    }

    private ImageView view(ImageRow image, List<VariantRow> variants) {
        return new ImageView(image.id(), urls.of(image.storagePath()), image.width(), image.height(),
                image.caption(), image.altText(), image.roomType(), image.tags(),
                variants.stream().map(v -> new VariantView(v.variantType(), v.format(), v.width(), v.height(),
                        v.fileSize(), urls.of(v.storagePath()))).toList());
    }

    private Uni<StyleRow> requireStyle(String slug) {
        return queries.style(slug).invoke(style -> {
            if (style == null) {
                throw ApiException.notFound("style " + slug);
            }
        });
    }

    static ImageFilter filter(String roomType, String tag, String tags, String match) {
        boolean all;
        if (match == null || match.isBlank() || match.equals("any")) {
            all = false;
        } else if (match.equals("all")) {
            all = true;
        } else {
            throw ApiException.invalid("match", "must be any or all");
        }
        List<String> named = new ArrayList<>();
        if (tag != null && !tag.isBlank()) {
            named.add(tag);
        }
        if (tags != null && !tags.isBlank()) {
            named.addAll(List.of(tags.split(",")));
        }
        return new ImageFilter(CatalogRules.roomType("roomType", CatalogRules.text(roomType)),
                CatalogRules.tags("tags", named), all);
    }



    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }
}
