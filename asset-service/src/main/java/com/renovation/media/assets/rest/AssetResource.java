package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.AssetPatch;
import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.rest.dto.ReviewRequest;
import com.renovation.media.assets.rest.dto.UploadRequest;
import com.renovation.media.assets.service.assets.AssetService;
import com.renovation.media.assets.service.uploads.UploadService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/assets")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assets")
public class AssetResource {

    private final UploadService uploads;
    private final AssetService assets;
    private final CallerResolver callers;

    public AssetResource(UploadService uploads, AssetService assets, CallerResolver callers) {
        this.uploads = uploads;
        this.assets = assets;
        this.callers = callers;
    }

    /** Step 1: declare the file; answers a presigned PUT URL and the headers to send with it. */
    @POST
    @Path("/uploads")
    public Uni<Response> requestUpload(@Valid @NotNull UploadRequest request) {
        return uploads.request(callers.caller(), request)
                .map(ticket -> Response.created(URI.create("/assets/" + ticket.assetId())).entity(ticket).build());
    }

    /** Step 3, after the PUT: the stored bytes are checked; the asset becomes uploaded or is refused (422). */
    @POST
    @Path("/{id}/confirm")
    public Uni<AssetView> confirm(@PathParam("id") UUID id) {
        return uploads.confirm(callers.caller(), id);
    }

    @GET
    @Path("/{id}")
    public Uni<AssetView> get(@PathParam("id") UUID id) {
        return assets.get(callers.caller(), id);
    }

    @PATCH
    @Path("/{id}")
    public Uni<AssetView> patch(@PathParam("id") UUID id, @Valid @NotNull AssetPatch patch) {
        return assets.patch(callers.caller(), id, patch);
    }

    /** A render's review: submit (draft), then approve or reject (with a note). */
    @POST
    @Path("/{id}/review")
    public Uni<AssetView> review(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        return assets.review(callers.caller(), id, request);
    }

    /** Hard delete: the object(s) in S3 and the row. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return assets.delete(callers.caller(), id).map(ignored -> Response.noContent().build());
    }
}
