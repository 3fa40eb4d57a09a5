package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.CollectionRequests.AddItem;
import com.renovation.media.assets.rest.dto.CollectionRequests.CollectionPatch;
import com.renovation.media.assets.rest.dto.CollectionRequests.CreateCollection;
import com.renovation.media.assets.rest.dto.CollectionRequests.ItemOrder;
import com.renovation.media.assets.rest.dto.CollectionView;
import com.renovation.media.assets.rest.dto.LibraryItemView;
import com.renovation.media.assets.service.collections.CollectionService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/collections")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections")
public class CollectionResource {

    private final CollectionService collections;
    private final Paging paging;
    private final CallerResolver callers;

    public CollectionResource(CollectionService collections, Paging paging, CallerResolver callers) {
        this.collections = collections;
        this.paging = paging;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateCollection request) {
        return collections.create(callers.caller(), request)
                .map(view -> Response.created(URI.create("/collections/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<Page<CollectionView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return collections.list(callers.caller(), cursor, paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    public Uni<CollectionView> get(@PathParam("id") UUID id) {
        return collections.get(callers.caller(), id);
    }

    @PATCH
    @Path("/{id}")
    public Uni<CollectionView> patch(@PathParam("id") UUID id, @Valid @NotNull CollectionPatch patch) {
        return collections.patch(callers.caller(), id, patch);
    }

    /** Deletes the collection; its items stay in the library. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return collections.delete(callers.caller(), id).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/items")
    public Uni<Page<LibraryItemView>> items(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return collections.items(callers.caller(), id, cursor, paging.limit(limit));
    }

    /** Adds a library item at the end: 201, or 200 when it is in the collection already. */
    @POST
    @Path("/{id}/items")
    public Uni<Response> addItem(@PathParam("id") UUID id, @Valid @NotNull AddItem request) {
        return collections.addItem(callers.caller(), id, request.libraryItemId()).map(added -> added.created()
                ? Response.created(URI.create("/collections/" + id)).entity(added.collection()).build()
                : Response.ok(added.collection()).build());
    }

    @DELETE
    @Path("/{id}/items/{libraryItemId}")
    public Uni<Response> removeItem(@PathParam("id") UUID id, @PathParam("libraryItemId") UUID libraryItemId) {
        return collections.removeItem(callers.caller(), id, libraryItemId)
                .map(ignored -> Response.noContent().build());
    }

    @PUT
    @Path("/{id}/items/order")
    public Uni<CollectionView> reorder(@PathParam("id") UUID id, @Valid @NotNull ItemOrder order) {
        return collections.reorder(callers.caller(), id, order);
    }
}
