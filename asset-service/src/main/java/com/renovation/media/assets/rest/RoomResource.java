package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.rest.dto.ComparisonRequests.ComparisonView;
import com.renovation.media.assets.rest.dto.ComparisonRequests.CreateComparison;
import com.renovation.media.assets.rest.dto.RoomView;
import com.renovation.media.assets.rest.dto.SessionRequests.UpdateRoom;
import com.renovation.media.assets.service.assets.AssetService;
import com.renovation.media.assets.service.comparisons.ComparisonService;
import com.renovation.media.assets.service.sessions.RoomService;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rooms/{id}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions and rooms")
public class RoomResource {

    private final RoomService rooms;
    private final AssetService assets;
    private final ComparisonService comparisons;
    private final Paging paging;
    private final CallerResolver callers;

    public RoomResource(RoomService rooms, AssetService assets, ComparisonService comparisons, Paging paging,
            CallerResolver callers) {
        this.rooms = rooms;
        this.assets = assets;
        this.comparisons = comparisons;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<RoomView> get(@PathParam("id") UUID id) {
        return rooms.get(callers.caller(), id);
    }

    @PATCH
    public Uni<RoomView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateRoom request) {
        return rooms.update(callers.caller(), id, request);
    }

    /** Deletes the room with all its assets and their objects. */
    @DELETE
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return rooms.delete(callers.caller(), id).map(ignored -> Response.noContent().build());
    }

    /** The room's assets by display order, then age; {@code type} filters by asset type. */
    @GET
    @Path("/assets")
    public Uni<Page<AssetView>> assets(@PathParam("id") UUID id, @QueryParam("type") String type,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return assets.listRoom(callers.caller(), id, type, cursor, paging.limit(limit));
    }

    @POST
    @Path("/comparisons")
    public Uni<Response> createComparison(@PathParam("id") UUID id, @Valid @NotNull CreateComparison request) {
        return comparisons.create(callers.caller(), id, request)
                .map(view -> Response.created(URI.create("/rooms/" + id + "/comparisons/" + view.id()))
                        .entity(view).build());
    }

    @GET
    @Path("/comparisons")
    public Uni<Map<String, List<ComparisonView>>> comparisons(@PathParam("id") UUID id) {
        return comparisons.list(callers.caller(), id).map(items -> Map.of("items", items));
    }

    @DELETE
    @Path("/comparisons/{comparisonId}")
    public Uni<Response> deleteComparison(@PathParam("id") UUID id, @PathParam("comparisonId") UUID comparisonId) {
        return comparisons.delete(callers.caller(), id, comparisonId).map(ignored -> Response.noContent().build());
    }
}
