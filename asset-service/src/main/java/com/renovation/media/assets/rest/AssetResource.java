package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.AssetPatch;
import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.rest.dto.ConfirmRequest;
import com.renovation.media.assets.rest.dto.PartUrls;
import com.renovation.media.assets.rest.dto.PartUrlsRequest;
import com.renovation.media.assets.rest.dto.UploadedParts;
import com.renovation.media.assets.rest.dto.ReviewRequest;
import com.renovation.media.assets.rest.dto.UploadRequest;
import com.renovation.media.assets.service.assets.AssetService;
import com.renovation.media.assets.service.uploads.MultipartUploads;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
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
    private final MultipartUploads multipart;

    public AssetResource(UploadService uploads, AssetService assets, CallerResolver callers,
            MultipartUploads multipart) {
        this.uploads = uploads;
        this.multipart = multipart;
        this.assets = assets;
        this.callers = callers;
    }

    /**
     * Step 1: declare the file; answers a presigned PUT URL and the headers to send with it, or, for a large file
     * or when asked ({@code multipart}), an upload in parts: a presigned URL per part and where to confirm.
     */
    @POST
    @Path("/uploads")
    public Uni<Response> requestUpload(@Valid @NotNull UploadRequest request, @Context UriInfo uri) {
        return uploads.request(callers.caller(), request,
                        id -> uri.getBaseUriBuilder().path("assets/{id}/confirm").build(id).toString())
                .map(ticket -> Response.created(URI.create("/assets/" + ticket.assetId())).entity(ticket).build());
    }

    /**
     * Step 3, after the PUT (or the parts): the stored bytes are checked; the asset becomes uploaded or is refused
     * (422). An upload in parts names its parts and their ETags here; without them the parts S3 holds are taken.
     */
    @POST
    @Path("/{id}/confirm")
    public Uni<AssetView> confirm(@PathParam("id") UUID id, @Valid ConfirmRequest request) {
        return uploads.confirm(callers.caller(), id,
                Optional.ofNullable(request).map(ConfirmRequest::parts));
    }

    /** An upload in parts, resumed: fresh URLs for the parts named. */
    @POST
    @Path("/{id}/parts")
    public Uni<PartUrls> partUrls(@PathParam("id") UUID id, @Valid @NotNull PartUrlsRequest request) {
        return multipart.partUrls(callers.caller(), id, request.partNumbers()).map(PartUrls::new);
    }

    /** An upload in parts, resumed: the parts S3 already holds, so the client sends only the rest. */
    @GET
    @Path("/{id}/parts")
    public Uni<UploadedParts> uploadedParts(@PathParam("id") UUID id) {
        return multipart.uploaded(callers.caller(), id);
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
