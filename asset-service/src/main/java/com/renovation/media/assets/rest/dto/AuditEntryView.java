package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.AuditAction;
import com.renovation.media.assets.repository.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One audit log entry: what changed (field names, old and new values; null once erased), who changed it (the
 * token's subject, {@code anonymous} for a public link, {@code system} for projections and jobs), from where, when.
 */
public record AuditEntryView(long id, String entityType, UUID entityId, AuditAction action,
        List<String> changedFields, Map<String, Object> oldValues, Map<String, Object> newValues, String actor,
        String ip, String userAgent, Instant at) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.entityType, e.entityId, e.action,
                e.changedFields == null ? List.of() : List.of(e.changedFields), e.oldValues, e.newValues, e.actor,
                e.ip, e.userAgent, e.at);
    }
}
