package com.renovation.media.orders.rest;

import com.renovation.media.orders.rest.dto.NotificationView;
import com.renovation.media.orders.service.notifications.NotificationService;
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

/** The mails the platform sent, or tried to send, to the caller. */
@Path("/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    private final NotificationService notifications;
    private final Paging paging;
    private final CallerResolver callers;

    public NotificationResource(NotificationService notifications, Paging paging, CallerResolver callers) {
        this.notifications = notifications;
        this.paging = paging;
        this.callers = callers;
    }

    @GET
    public Uni<Page<NotificationView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return notifications.list(callers.caller(), cursor, paging.limit(limit));
    }
}
