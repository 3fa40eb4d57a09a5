package com.renovation.media.orders.rest;

import com.renovation.media.orders.rest.dto.WebhookEndpointRequest;
import com.renovation.media.orders.rest.dto.WebhookEndpointView;
import com.renovation.media.orders.service.webhooks.WebhookEndpoints;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's webhook endpoints: URLs order events are POSTed to, signed with the endpoint's secret. */
@Path("/webhooks/endpoints")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookEndpointResource {

    private final WebhookEndpoints endpoints;
    private final Paging paging;
    private final CallerResolver callers;

    public WebhookEndpointResource(WebhookEndpoints endpoints, Paging paging, CallerResolver callers) {
        this.endpoints = endpoints;
        this.paging = paging;
        this.callers = callers;
    }

    /** Answers the endpoint with its signing secret: the only time the secret is shown. */
    @POST
    public Uni<Response> register(WebhookEndpointRequest request) {
        return endpoints.register(callers.caller(), request).map(view -> Response
                .created(URI.create("/webhooks/endpoints/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<Page<WebhookEndpointView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return endpoints.list(callers.caller(), cursor, paging.limit(limit));
    }

    /** Nothing more is delivered to the endpoint; its delivery log stays. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return endpoints.delete(callers.caller(), id).map(ignored -> Response.noContent().build());
    }
}
