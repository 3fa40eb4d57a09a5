package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.ArtefactRequests.CreateArtefact;
import com.renovation.media.assets.rest.dto.ArtefactView;
import com.renovation.media.assets.service.artefacts.ArtefactService;
import com.renovation.media.assets.service.artefacts.ArtefactVersions;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** A session's SVG artefacts (floor plans, elevations, sketches): create one, list them. */
@Path("/sessions/{id}/artefacts")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Artefacts")
public class ArtefactSessionResource {

    private final ArtefactVersions versions;
    private final ArtefactService artefacts;
    private final Paging paging;
    private final CallerResolver callers;

    public ArtefactSessionResource(ArtefactVersions versions, ArtefactService artefacts, Paging paging,
            CallerResolver callers) {
        this.versions = versions;
        this.artefacts = artefacts;
        this.paging = paging;
        this.callers = callers;
    }

    /** 201 with version 1; the SVG is sanitised (422 with a {@code reason} when refused, 413 when too large). */
    @POST
    public Uni<Response> create(@PathParam("id") UUID sessionId, @Valid @NotNull CreateArtefact request) {
        return versions.create(callers.caller(), sessionId, request).map(view -> Response.status(201).entity(view)
                .location(URI.create("/artefacts/" + view.id())).build());
    }

    /** The most recently changed first; {@code roomId} and {@code kind} narrow the list. */
    @GET
    public Uni<Page<ArtefactView>> list(@PathParam("id") UUID sessionId, @QueryParam("roomId") String roomId,
            @QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return artefacts.list(callers.caller(), sessionId, roomId, kind, cursor, paging.limit(limit));
    }
}
