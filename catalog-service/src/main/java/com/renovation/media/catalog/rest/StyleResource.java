package com.renovation.media.catalog.rest;

import com.renovation.media.catalog.service.CatalogReadService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public catalog: no token needed; answers carry an ETag and may be cached for a minute. */
@Path("/styles")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog (public)")
public class StyleResource {

    private final CatalogReadService catalog;
    private final CacheableJson json;

    public StyleResource(CatalogReadService catalog, CacheableJson json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** {@code {items: [{slug, name, description, imageCount}], nextCursor}}. */
    @GET
    public Uni<Response> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return catalog.styles(cursor, limit).map(page -> json.respond(page, ifNoneMatch));
    }

    /** One style with the first page of its images. */
    @GET
    @Path("/{slug}")
    public Uni<Response> get(@PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return catalog.style(slug).map(style -> json.respond(style, ifNoneMatch));
    }

    /**
     * A style's images, filtered by room type and tags ({@code tag}, and/or comma-separated {@code tags};
     * {@code match=any} (default) or {@code all}).
     */
    @GET
    @Path("/{slug}/images")
    public Uni<Response> images(@PathParam("slug") String slug, @QueryParam("roomType") String roomType,
            @QueryParam("tag") String tag, @QueryParam("tags") String tags, @QueryParam("match") String match,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return catalog.images(slug, roomType, tag, tags, match, cursor, limit)
                .map(page -> json.respond(page, ifNoneMatch));
    }
}
