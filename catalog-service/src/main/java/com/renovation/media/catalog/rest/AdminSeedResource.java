package com.renovation.media.catalog.rest;

import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.catalog.service.seed.SeedException;
import com.renovation.media.catalog.service.seed.SeedReport;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the seeding the service does at start, on demand; answers what it did. */
@Path("/admin/catalog/seed")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog (admin)")
public class AdminSeedResource {

    private final CatalogSeeder seeder;

    public AdminSeedResource(CatalogSeeder seeder) {
        this.seeder = seeder;
    }

    @POST
    public Uni<SeedReport> seed() {
        return seeder.seedConfigured().onFailure(SeedException.class).transform(e -> new ApiException(
                ProblemKind.CONFLICT, "the seed manifest cannot be applied: " + e.getMessage()));
    }
}
