package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.ArtefactRequests.EditArtefact;
import com.renovation.media.assets.rest.dto.ArtefactRequests.RequestExport;
import com.renovation.media.assets.rest.dto.ArtefactRequests.RestoreVersion;
import com.renovation.media.assets.rest.dto.ArtefactVersionView;
import com.renovation.media.assets.rest.dto.ArtefactView;
import com.renovation.media.assets.service.artefacts.ArtefactExports;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** One SVG artefact: read, edit (a new version), delete; its versions, restores and exports. */
@Path("/artefacts/{id}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Artefacts")
public class ArtefactResource {

    private final ArtefactService artefacts;
    private final ArtefactVersions versions;
    private final ArtefactExports exports;
    private final Paging paging;
    private final CallerResolver callers;

    public ArtefactResource(ArtefactService artefacts, ArtefactVersions versions, ArtefactExports exports,
            Paging paging, CallerResolver callers) {
        this.artefacts = artefacts;
        this.versions = versions;
        this.exports = exports;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<ArtefactView> get(@PathParam("id") UUID id) {
        return artefacts.get(callers.caller(), id);
    }

    /** The next version; 409 with {@code latestVersion} when {@code baseVersion} is not the latest. */
    @PUT
    public Uni<ArtefactView> edit(@PathParam("id") UUID id, @Valid @NotNull EditArtefact request) {
        return versions.edit(callers.caller(), id, request);
    }

    /** The artefact, every version, thumbnail and export. */
    @DELETE
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return artefacts.delete(callers.caller(), id).replaceWith(Response.noContent().build());
    }

    /** Newest first, without content. */
    @GET
    @Path("/versions")
    public Uni<Page<ArtefactVersionView>> versions(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return artefacts.versions(callers.caller(), id, cursor, paging.limit(limit));
    }

    /** One version with its content (the stored, sanitised SVG). */
    @GET
    @Path("/versions/{n}")
    public Uni<ArtefactVersionView> version(@PathParam("id") UUID id, @PathParam("n") int n) {
        return artefacts.version(callers.caller(), id, n);
    }

    /** 201: a new version whose content is version n's; the body ({@code message}) is optional. */
    @POST
    @Path("/versions/{n}/restore")
    public Uni<Response> restore(@PathParam("id") UUID id, @PathParam("n") int n, @Valid RestoreVersion request) {
        return versions.restore(callers.caller(), id, n, request == null ? null : request.message())
                .map(view -> Response.status(201).entity(view).location(URI.create("/artefacts/" + id)).build());
    }

    /** 202: the export is made asynchronously; follow {@code Location} until it is ready. */
    @POST
    @Path("/exports")
    public Uni<Response> export(@PathParam("id") UUID id, @Valid @NotNull RequestExport request) {
        return exports.request(callers.caller(), id, request).map(view -> Response.accepted(view)
                .location(URI.create("/exports/" + view.id())).build());
    }
}
