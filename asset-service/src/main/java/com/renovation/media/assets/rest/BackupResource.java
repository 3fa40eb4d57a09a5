package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.BackupView;
import com.renovation.media.assets.service.backups.BackupRestore;
import com.renovation.media.assets.service.backups.SessionBackups;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/backups/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backups")
public class BackupResource {

    private final SessionBackups backups;
    private final BackupRestore restores;
    private final CallerResolver callers;

    public BackupResource(SessionBackups backups, BackupRestore restores, CallerResolver callers) {
        this.backups = backups;
        this.restores = restores;
        this.callers = callers;
    }

    @GET
    public Uni<BackupView> get(@PathParam("id") UUID id) {
        return backups.get(callers.caller(), id);
    }

    /** 201 {sessionId}: a new session made from the backup; its variants and documents are made again. */
    @POST
    @Path("/restore")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return restores.restore(callers.caller(), id)
                .map(restored -> Response.created(URI.create("/sessions/" + restored.sessionId())).entity(restored)
                        .build());
    }
}
