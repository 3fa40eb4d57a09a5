package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.LibraryItemView;
import com.renovation.media.assets.rest.dto.LibraryRequests.ItemPatch;
import com.renovation.media.assets.rest.dto.LibraryRequests.SaveItem;
import com.renovation.media.assets.service.library.LibraryService;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/library/items")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Library")
public class LibraryResource {

    private final LibraryService library;
    private final Paging paging;
    private final CallerResolver callers;

    public LibraryResource(LibraryService library, Paging paging, CallerResolver callers) {
        this.library = library;
        this.paging = paging;
        this.callers = callers;
    }

    /** Keeps {assetId} or {styleImageId}: 201 with the new item, 200 with the one that keeps it already. */
    @POST
    public Uni<Response> save(@Valid @NotNull SaveItem request) {
        return library.save(callers.caller(), request).map(saved -> saved.created()
                ? Response.created(URI.create("/library/items/" + saved.item().id())).entity(saved.item()).build()
                : Response.ok(saved.item()).build());
    }

    @GET
    public Uni<Page<LibraryItemView>> list(@QueryParam("favourite") Boolean favourite,
            @QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return library.list(callers.caller(), favourite, tag, cursor, paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    public Uni<LibraryItemView> get(@PathParam("id") UUID id) {
        return library.get(callers.caller(), id);
    }

    @PATCH
    @Path("/{id}")
    public Uni<LibraryItemView> patch(@PathParam("id") UUID id, @Valid @NotNull ItemPatch patch) {
        return library.patch(callers.caller(), id, patch);
    }

    /** Forgets the item; the asset itself stays. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return library.delete(callers.caller(), id).map(ignored -> Response.noContent().build());
    }
}
