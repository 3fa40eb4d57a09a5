package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.service.assets.AssetService;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's assets across its rooms, newest first, optionally of one type and status. */
@Path("/sessions/{id}/assets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assets")
public class SessionAssetResource {

    private final AssetService assets;
    private final Paging paging;
    private final CallerResolver callers;

    public SessionAssetResource(AssetService assets, Paging paging, CallerResolver callers) {
        this.assets = assets;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<Page<AssetView>> list(@PathParam("id") UUID sessionId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return assets.listSession(callers.caller(), sessionId, type, status, cursor, paging.limit(limit));
    }
}
