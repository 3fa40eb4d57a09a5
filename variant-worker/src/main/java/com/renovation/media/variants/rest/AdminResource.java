package com.renovation.media.variants.rest;

import com.renovation.media.variants.service.VariantService;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the variants of one source image (role admin). */
@Path("/admin/variants")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminResource {

    private final VariantService service;

    public AdminResource(VariantService service) {
        this.service = service;
    }

    /** Makes the source's variants anew and announces them (variant.ready / variant.failed). */
    @POST
    @Path("/{sourceId}/regenerate")
    public Uni<Map<String, Object>> regenerate(@PathParam("sourceId") UUID sourceId) {
        return service.regenerate(sourceId).map(expected -> {
            if (expected == VariantService.VIDEO_NOT_REGENERATED) {
                throw new ApiException(ProblemKind.CONFLICT, "source " + sourceId
                        + " is a video: its poster and web MP4 are not regenerated");
            }
            if (expected < 0) {
                throw ApiException.notFound("variants of source " + sourceId);
            }
            return Map.of("sourceId", sourceId, "expectedVariants", expected);
        });
    }
}
