package com.renovation.media.catalog.rest;

import com.renovation.media.catalog.rest.dto.AdminRequests;
import com.renovation.media.catalog.rest.dto.AdminViews;
import com.renovation.media.catalog.service.ImageAdminService;
import com.renovation.media.catalog.service.StyleAdminService;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin writes of styles, and the first step of adding an image to one. */
@Path("/admin/styles")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog (admin)")
public class AdminStyleResource {

    private final StyleAdminService styles;
    private final ImageAdminService images;

    public AdminStyleResource(StyleAdminService styles, ImageAdminService images) {
        this.styles = styles;
        this.images = images;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull AdminRequests.CreateStyle request) {
        return styles.create(request).map(style -> Response.created(URI.create("/styles/" + style.slug()))
                .entity(style).build());
    }

    @GET
    @Path("/{slug}")
    public Uni<AdminViews.StyleView> get(@PathParam("slug") String slug) {
        return styles.get(slug);
    }

    @PATCH
    @Path("/{slug}")
    public Uni<AdminViews.StyleView> patch(@PathParam("slug") String slug,
            @Valid @NotNull AdminRequests.PatchStyle patch) {
        return styles.patch(slug, patch);
    }

    /** Deletes the style with its images, their variants and every object of them. */
    @DELETE
    @Path("/{slug}")
    public Uni<Response> delete(@PathParam("slug") String slug) {
        return styles.delete(slug).map(ignored -> Response.noContent().build());
    }

    /** Step 1: declare the file; answers a presigned PUT URL and the headers to send with it. */
    @POST
    @Path("/{slug}/images/uploads")
    public Uni<Response> requestUpload(@PathParam("slug") String slug,
            @Valid @NotNull AdminRequests.ImageUpload request) {
        return images.requestUpload(slug, request).map(ticket -> Response.created(
                URI.create("/admin/images/" + ticket.imageId())).entity(ticket).build());
    }
}
