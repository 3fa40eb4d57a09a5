package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.BackupView;
import com.renovation.media.assets.service.backups.SessionBackups;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
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

/** A session's backups: take one now (the owner), list them newest first (the owner, or an admin). */
@Path("/sessions/{id}/backups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backups")
public class SessionBackupResource {

    private final SessionBackups backups;
    private final Paging paging;
    private final CallerResolver callers;

    public SessionBackupResource(SessionBackups backups, Paging paging, CallerResolver callers) {
        this.backups = backups;
        this.paging = paging;
        this.callers = callers;
    }

    /** 201: the backup, complete (manifest and copies of the originals written) when this answers. */
    @POST
    public Uni<Response> create(@PathParam("id") UUID sessionId) {
        return backups.create(callers.caller(), sessionId)
                .map(view -> Response.created(URI.create("/backups/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<Page<BackupView>> list(@PathParam("id") UUID sessionId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return backups.list(callers.caller(), sessionId, cursor, paging.limit(limit));
    }
}
