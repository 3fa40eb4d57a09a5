package com.renovation.media.catalog.rest;

import com.renovation.media.catalog.rest.dto.AdminRequests;
import com.renovation.media.catalog.rest.dto.AdminViews;
import com.renovation.media.catalog.service.ImageAdminService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin reads and writes of one style image. */
@Path("/admin/images")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog (admin)")
public class AdminImageResource {

    private final ImageAdminService images;

    public AdminImageResource(ImageAdminService images) {
        this.images = images;
    }

    /**
     * Step 3, after the PUT: the staged bytes are checked; the image is published to the public bucket, or
     * refused (422) and removed.
     */
    @POST
    @Path("/{id}/confirm")
    public Uni<AdminViews.ImageView> confirm(@PathParam("id") UUID id) {
        return images.confirm(id);
    }

    @GET
    @Path("/{id}")
    public Uni<AdminViews.ImageView> get(@PathParam("id") UUID id) {
        return images.get(id);
    }

    @PATCH
    @Path("/{id}")
    public Uni<AdminViews.ImageView> patch(@PathParam("id") UUID id, @Valid @NotNull AdminRequests.PatchImage patch) {
        return images.patch(id, patch);
    }

    /** Deletes the image, its variants and their objects. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return images.delete(id).map(ignored -> Response.noContent().build());
    }
}
