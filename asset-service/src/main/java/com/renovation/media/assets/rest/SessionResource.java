package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.RoomView;
import com.renovation.media.assets.rest.dto.SessionRequests.CreateRoom;
import com.renovation.media.assets.rest.dto.SessionRequests.CreateSession;
import com.renovation.media.assets.rest.dto.SessionRequests.RenameSession;
import com.renovation.media.assets.rest.dto.SessionView;
import com.renovation.media.assets.service.sessions.RoomService;
import com.renovation.media.assets.service.sessions.SessionService;
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

@Path("/sessions")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions and rooms")
public class SessionResource {

    private final SessionService sessions;
    private final RoomService rooms;
    private final Paging paging;
    private final CallerResolver callers;

    public SessionResource(SessionService sessions, RoomService rooms, Paging paging, CallerResolver callers) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.paging = paging;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateSession request) {
        return sessions.create(callers.caller(), request)
                .map(view -> Response.created(URI.create("/sessions/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<Page<SessionView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @QueryParam("ownerId") String ownerId) {
        return sessions.list(callers.caller(), ownerId, cursor, paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    public Uni<SessionView> get(@PathParam("id") UUID id) {
        return sessions.get(callers.caller(), id);
    }

    @PATCH
    @Path("/{id}")
    public Uni<SessionView> rename(@PathParam("id") UUID id, @Valid @NotNull RenameSession request) {
        return sessions.rename(callers.caller(), id, request);
    }

    /** Erases the session: every room, asset and object of it (GDPR). */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return sessions.delete(callers.caller(), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/rooms")
    public Uni<Response> createRoom(@PathParam("id") UUID id, @Valid @NotNull CreateRoom request) {
        return rooms.create(callers.caller(), id, request)
                .map(view -> Response.created(URI.create("/rooms/" + view.id())).entity(view).build());
    }

    @GET
    @Path("/{id}/rooms")
    public Uni<Page<RoomView>> listRooms(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return rooms.list(callers.caller(), id, cursor, paging.limit(limit));
    }
}
