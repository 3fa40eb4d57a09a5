package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.MeView;
import com.renovation.media.assets.rest.dto.PlanRequest;
import com.renovation.media.assets.rest.dto.UsageView;
import com.renovation.media.assets.service.plans.UsageService;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, their plan and usage, and an admin's view and override of any user's plan. */
@Path("/")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and usage")
public class PlanResource {

    private final UsageService usage;
    private final CallerResolver callers;

    public PlanResource(UsageService usage, CallerResolver callers) {
        this.usage = usage;
        this.callers = callers;
    }

    @GET
    @Path("me")
    public MeView me() {
        return MeView.of(callers.caller());
    }

    @GET
    @Path("me/usage")
    public Uni<UsageView> mine() {
        return usage.mine(callers.caller());
    }

    @GET
    @Path("admin/users/{sub}/usage")
    @RolesAllowed("admin")
    public Uni<UsageView> ofUser(@PathParam("sub") String subject) {
        return usage.of(subject);
    }

    @PUT
    @Path("admin/users/{sub}/plan")
    @RolesAllowed("admin")
    public Uni<UsageView> setPlan(@PathParam("sub") String subject, @Valid @NotNull PlanRequest request) {
        return usage.override(subject, request.plan());
    }

    @DELETE
    @Path("admin/users/{sub}/plan")
    @RolesAllowed("admin")
    public Uni<Response> clearPlan(@PathParam("sub") String subject) {
        return usage.clearOverride(subject).map(ignored -> Response.noContent().build());
    }
}
