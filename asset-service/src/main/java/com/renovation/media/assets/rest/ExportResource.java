package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.ExportView;
import com.renovation.media.assets.service.artefacts.ArtefactExports;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An export of an artefact version: its status, and a signed download URL once it is ready; 404 once expired. */
@Path("/exports/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Artefacts")
public class ExportResource {

    private final ArtefactExports exports;
    private final CallerResolver callers;

    public ExportResource(ArtefactExports exports, CallerResolver callers) {
        this.exports = exports;
        this.callers = callers;
    }

    @GET
    public Uni<ExportView> get(@PathParam("id") UUID id) {
        return exports.get(callers.caller(), id);
    }
}
