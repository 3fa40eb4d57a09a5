package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.service.workspace.WorkspaceService;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's workspace: generated images not kept yet, each with its {@code expiresAt}. */
@Path("/workspace")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspace and library")
public class WorkspaceResource {

    private final WorkspaceService workspace;
    private final Paging paging;
    private final CallerResolver callers;

    public WorkspaceResource(WorkspaceService workspace, Paging paging, CallerResolver callers) {
        this.workspace = workspace;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<Page<AssetView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return workspace.list(callers.caller(), cursor, paging.limit(limit));
    }
}
