package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.LinkRequests.CreateLink;
import com.renovation.media.assets.rest.dto.LinkView;
import com.renovation.media.assets.service.links.LinkService;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's share and download links; anyone holding one opens it at {@code GET /d/{token}}. */
@Path("/links")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Links")
public class LinkResource {

    private final LinkService links;
    private final Paging paging;
    private final CallerResolver callers;

    public LinkResource(LinkService links, Paging paging, CallerResolver callers) {
        this.links = links;
        this.paging = paging;
        this.callers = callers;
    }

    /** Answers the link with its token and URL: the only time either is shown. */
    @POST
    public Uni<Response> create(@Valid @NotNull CreateLink request, @Context UriInfo uri) {
        return links.create(callers.caller(), request, uri.getBaseUri())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    public Uni<Page<LinkView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return links.list(callers.caller(), cursor, paging.limit(limit));
    }

    /** Revokes the link: it answers 410 from now on. Idempotent. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return links.revoke(callers.caller(), id).map(ignored -> Response.noContent().build());
    }
}
