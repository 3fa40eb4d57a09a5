package com.renovation.media.orders.service.notifications;

import com.renovation.media.orders.repository.NotificationRepository;
import com.renovation.media.orders.rest.dto.NotificationView;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reading the caller's notifications. */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;

    public NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The caller's own notifications, newest first (an admin's list is their own too: mails are personal). */
    @WithSession
    public Uni<Page<NotificationView>> list(Caller caller, String cursor, int limit) {
        return notifications.pageOfOwner(caller.userId(), SortKey.decode(cursor), limit + 1)
                .map(rows -> Page.of(rows, limit, n -> new SortKey(0, n.createdAt, n.id).encode(),
                        NotificationView::of));
    }
}
