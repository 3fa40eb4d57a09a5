package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.PublicCollectionView;
import com.renovation.media.assets.service.collections.PublicCollectionService;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shared collections, no token needed: public ones are listed, unlisted ones open by their slug only. */
@Path("/public/collections")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections (public)")
public class PublicCollectionResource {

    private final PublicCollectionService collections;
    private final Paging paging;

    public PublicCollectionResource(PublicCollectionService collections, Paging paging) {
        this.collections = collections;
        this.paging = paging;
    }

    @GET
    public Uni<Page<PublicCollectionView.Summary>> list(@QueryParam("tag") String tag,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return collections.list(tag, cursor, paging.limit(limit));
    }

    /** The collection with a page of its items ({@code cursor} pages through them); 404 for a private one. */
    @GET
    @Path("/{slug}")
    public Uni<PublicCollectionView> get(@PathParam("slug") String slug, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return collections.get(slug, cursor, paging.limit(limit));
    }
}
