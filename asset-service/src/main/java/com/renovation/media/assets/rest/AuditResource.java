package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.AuditEntryView;
import com.renovation.media.assets.service.audit.AuditLog;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of the caller's entities (an admin's: everyone's), newest first. */
@Path("/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditLog log;
    private final Paging paging;
    private final CallerResolver callers;

    public AuditResource(AuditLog log, Paging paging, CallerResolver callers) {
        this.log = log;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<Page<AuditEntryView>> list(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") UUID entityId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return log.list(callers.caller(), entityType, entityId, cursor, paging.limit(limit));
    }
}
