package com.renovation.media.orders.rest;

import com.renovation.media.orders.rest.dto.OrderRequests.CreateOrder;
import com.renovation.media.orders.rest.dto.OrderView;
import com.renovation.media.orders.service.orders.OrderService;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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

/** The caller's orders of paid processing (restoration, renders) for photos of one session. */
@Path("/orders")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private final OrderService orders;
    private final Paging paging;
    private final CallerResolver callers;

    public OrderResource(OrderService orders, Paging paging, CallerResolver callers) {
        this.orders = orders;
        this.paging = paging;
        this.callers = callers;
    }

    /** A new order, pending its payment at {@code checkoutUrl}. */
    @POST
    public Uni<Response> create(CreateOrder request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        return orders.create(callers.caller(), request).map(view -> Response.created(URI.create("/orders/" + view.id()))
                .entity(view).build());
    }

    @GET
    public Uni<Page<OrderView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return orders.list(callers.caller(), cursor, paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return orders.get(callers.caller(), id);
    }
}
