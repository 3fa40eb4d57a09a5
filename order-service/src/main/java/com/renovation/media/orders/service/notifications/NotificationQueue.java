package com.renovation.media.orders.service.notifications;

import com.renovation.media.contracts.events.payload.OrderCompleted;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.contracts.events.payload.SessionExpiring;
import com.renovation.media.contracts.events.payload.ShareLinkCreated;
import com.renovation.media.orders.config.NotificationConfig;
import com.renovation.media.orders.repository.Notification;
import com.renovation.media.orders.repository.NotificationKind;
import com.renovation.media.orders.repository.NotificationRepository;
import com.renovation.media.orders.repository.NotificationStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns events into queued mails, inside the consumer's transaction. Each mail has a dedupe key (its kind and the
 * event's subject), so an event redelivered, or sent again by its producer, queues nothing new. An owner with no
 * known address gets a notification recorded failed (no_address): visible in their list, never sent.
 */
@ApplicationScoped
public class NotificationQueue {

    private final NotificationRepository notifications;
    private final Contacts contacts;
    private final NotificationConfig config;

    public NotificationQueue(NotificationRepository notifications, Contacts contacts, NotificationConfig config) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.config = config;
    }

    public Uni<Boolean> orderPaid(OrderPaid paid) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", paid.orderId().toString());
        data.put("number", paid.number());
        data.put("items", paid.assetIds() == null ? 0 : paid.assetIds().size());
        data.put("paidAt", paid.paidAt());
        return queue(paid.ownerId(), NotificationKind.ORDER_CONFIRMATION, paid.orderId().toString(),
                "Order " + paid.number() + " confirmed", data);
    }

    public Uni<Boolean> orderCompleted(OrderCompleted completed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", completed.orderId().toString());
        data.put("number", completed.number());
        data.put("status", completed.status());
        data.put("jobsCompleted", completed.jobsCompleted());
        data.put("jobsFailed", completed.jobsFailed());
        data.put("completedAt", completed.completedAt());
        String outcome = switch (completed.status()) {
            case "completed" -> "is ready";
            case "partially_failed" -> "is ready, with some failures";
            default -> "could not be processed";
        };
        return queue(completed.ownerId(), NotificationKind.PROCESSING_COMPLETE, completed.orderId().toString(),
                "Order " + completed.number() + " " + outcome, data);
    }

    /**
     * A session is warned about once per period of inactivity: the period (its last activity) is part of the
     * key, so a later period's warning is a new mail while a redelivered event is not.
     */
    public Uni<Boolean> sessionExpiring(SessionExpiring expiring) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", expiring.sessionId().toString());
        data.put("lastActivityAt", expiring.lastActivityAt());
        data.put("erasesAt", expiring.erasesAt());
        return queue(expiring.ownerId(), NotificationKind.SESSION_EXPIRING,
                expiring.sessionId() + ":" + expiring.lastActivityAt(),
                "Your project session will be erased on " + day(expiring.erasesAt()), data);
    }

    public Uni<Boolean> shareLinkCreated(ShareLinkCreated created) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("linkId", created.linkId().toString());
        data.put("linkKind", created.kind());
        data.put("targetCount", created.targetCount());
        data.put("maxDownloads", created.maxDownloads());
        data.put("expiresAt", created.expiresAt());
        return queue(created.ownerId(), NotificationKind.SHARE_LINK_CREATED, created.linkId().toString(),
                "Your " + created.kind() + " link is ready", data);
    }

    private Uni<Boolean> queue(String ownerId, NotificationKind kind, String dedupeSubject, String subject,
            Map<String, Object> data) {
        return contacts.emailOf(ownerId).chain(email -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.ownerId = ownerId;
            n.kind = kind;
            n.dedupeKey = kind.value() + ":" + dedupeSubject;
            n.subject = subject;
            n.data = data;
            n.maxAttempts = config.maxAttempts();
            n.nextAttemptAt = now;
            n.createdAt = now;
            if (email.isPresent()) {
                n.toEmail = email.get();
                n.status = NotificationStatus.QUEUED;
            } else {
                n.status = NotificationStatus.FAILED;
                n.errorCode = "no_address";
                n.errorMessage = "no email address is known for this user (none of their tokens carried one)";
                n.failedAt = now;
            }
            return notifications.addUnlessPresent(n);
        });
    }

    /** The date part of an ISO-8601 instant, for a subject line. */
    private static String day(String instant) {
        return instant != null && instant.length() >= 10 ? instant.substring(0, 10) : "a coming day";
    }
}
