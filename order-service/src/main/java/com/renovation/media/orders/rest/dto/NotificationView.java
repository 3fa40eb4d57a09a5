package com.renovation.media.orders.rest.dto;

import com.renovation.media.orders.repository.Notification;
import com.renovation.media.orders.repository.NotificationKind;
import com.renovation.media.orders.repository.NotificationStatus;
import java.time.Instant;
import java.util.UUID;

/** A mail sent, or to be sent, to the caller: what it was about and how its delivery went. */
public record NotificationView(UUID id, NotificationKind kind, NotificationStatus status, String toEmail,
        String subject, int attempts, String messageId, String errorCode, Instant createdAt, Instant sentAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.status, n.toEmail, n.subject, n.attempts, n.messageId,
                n.errorCode, n.createdAt, n.sentAt);
    }
}
