package com.renovation.media.catalog.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.variants.VariantStatus;
import com.renovation.media.web.paging.SortKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The public catalog's read queries, in SQL on the reactive pool: the tag filters use the JSONB operators
 * {@code ?|} and {@code @>} (which the GIN index serves), and JPQL would read {@code ?} as a parameter.
 * Images still being uploaded are never listed.
 */
@ApplicationScoped
public class CatalogQueries {

    public record StyleRow(UUID id, String slug, String name, String description, int displayOrder, long imageCount) {
    }

    public record ImageRow(UUID id, String storagePath, Integer width, Integer height, String caption,
            String altText, String roomType, List<String> tags, int displayOrder, Instant createdAt) {
    }

    public record VariantRow(UUID imageId, String variantType, String format, Integer width, Integer height,
            Long fileSize, String storagePath) {
    }

    /** Filters of an image listing; an empty tag list means "any tags". */
    public record ImageFilter(String roomType, List<String> tags, boolean matchAll) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Images the public sees: every confirmed one (an {@code uploading} row has no checked bytes yet). */
    private static final String SERVED = "i.status <> '" + StyleImageStatus.UPLOADING.value() + "'";
    private static final String STYLE_COLUMNS = "s.id, s.slug, s.name, s.description, s.display_order,"
            + " (SELECT count(*) FROM style_images i WHERE i.style_id = s.id AND " + SERVED + ") AS image_count";

    private final Pool pool;

    public CatalogQueries(Pool pool) {
        this.pool = pool;
    }

    /** Styles by display order then slug, after the given position; {@code limit} rows. */
    public Uni<List<StyleRow>> styles(Integer afterOrder, String afterSlug, int limit) {
        String sql = "SELECT " + STYLE_COLUMNS + " FROM styles s"
                + (afterSlug == null ? "" : " WHERE (s.display_order, s.slug) > ($2, $3)")
                + " ORDER BY s.display_order, s.slug LIMIT $1";
        Tuple params = Tuple.of(limit);
        if (afterSlug != null) {
            params.addInteger(afterOrder).addString(afterSlug);
        }
        return pool.preparedQuery(sql).execute(params).map(rows -> map(rows, CatalogQueries::style));
    }

    public Uni<StyleRow> style(String slug) {
        return pool.preparedQuery("SELECT " + STYLE_COLUMNS + " FROM styles s WHERE s.slug = $1")
                .execute(Tuple.of(slug))
                .map(rows -> rows.size() == 0 ? null : style(rows.iterator().next()));
    }

    /** A style's images by display order, age and id, filtered, after the given position; {@code limit} rows. */
    public Uni<List<ImageRow>> images(UUID styleId, ImageFilter filter, SortKey after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT i.id, i.storage_path, i.width, i.height, i.caption,"
                + " i.alt_text, i.room_type, i.tags::text AS tags, i.display_order, i.created_at"
                + " FROM style_images i WHERE i.style_id = $1 AND " + SERVED);
        Tuple params = Tuple.of(styleId);
        if (filter.roomType() != null) {
            params.addString(filter.roomType());
            sql.append(" AND i.room_type = $").append(params.size());
        }
        if (!filter.tags().isEmpty()) {
            if (filter.matchAll()) {
                params.addString(json(filter.tags()));
                sql.append(" AND i.tags @> $").append(params.size()).append("::text::jsonb");
            } else {
                params.addArrayOfString(filter.tags().toArray(String[]::new));
                sql.append(" AND i.tags ?| $").append(params.size()).append("::text[]");
            }
        }
        if (after != null) {
            params.addInteger((int) after.order()).addOffsetDateTime(after.createdAt().atOffset(ZoneOffset.UTC))
                    .addUUID(after.id());
            int n = params.size();
            sql.append(" AND (i.display_order, i.created_at, i.id) > ($").append(n - 2).append(", $").append(n - 1)
                    .append(", $").append(n).append(")");
        }
        params.addInteger(limit);
        sql.append(" ORDER BY i.display_order, i.created_at, i.id LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(params).map(rows -> map(rows, CatalogQueries::image));
    }

    /** The ready variants of the given images. */
    public Uni<List<VariantRow>> readyVariants(List<UUID> imageIds) {
        if (imageIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT image_id, variant_type, format, width, height, file_size, storage_path"
                        + " FROM style_image_variants WHERE image_id = ANY($1)"
                        + " AND status = '" + VariantStatus.READY.value() + "'"
                        + " ORDER BY variant_type, format")
                .execute(Tuple.of(imageIds.toArray(UUID[]::new)))
                .map(rows -> map(rows, r -> new VariantRow(r.getUUID("image_id"), r.getString("variant_type"),
                        r.getString("format"), r.getInteger("width"), r.getInteger("height"),
                        r.getLong("file_size"), r.getString("storage_path"))));
    }

    private static StyleRow style(Row r) {
        return new StyleRow(r.getUUID("id"), r.getString("slug"), r.getString("name"), r.getString("description"),
                r.getInteger("display_order"), r.getLong("image_count"));
    }

    private static ImageRow image(Row r) {
        OffsetDateTime created = r.getOffsetDateTime("created_at");
        return new ImageRow(r.getUUID("id"), r.getString("storage_path"), r.getInteger("width"),
                r.getInteger("height"), r.getString("caption"), r.getString("alt_text"), r.getString("room_type"),
                tags(r.getString("tags")), r.getInteger("display_order"), created.toInstant());
    }

    private static <T> List<T> map(Iterable<Row> rows, java.util.function.Function<Row, T> mapper) {
        return StreamSupport.stream(rows.spliterator(), false).map(mapper).collect(
                java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static List<String> tags(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags column is not a JSON array of strings", e);
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
