package com.renovation.media.orders.rest;

import com.renovation.media.orders.rest.dto.WebhookDeliveryView;
import com.renovation.media.orders.service.webhooks.WebhookDeliveries;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The log of deliveries to the caller's webhook endpoints. */
@Path("/webhooks/deliveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookDeliveryResource {

    private final WebhookDeliveries deliveries;
    private final Paging paging;
    private final CallerResolver callers;

    public WebhookDeliveryResource(WebhookDeliveries deliveries, Paging paging, CallerResolver callers) {
        this.deliveries = deliveries;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<Page<WebhookDeliveryView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return deliveries.list(callers.caller(), cursor, paging.limit(limit));
    }
}
