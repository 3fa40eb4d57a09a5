package com.renovation.media.assets.service.audit;

import com.renovation.media.assets.repository.AuditEntityType;
import com.renovation.media.assets.repository.AuditLogRepository;
import com.renovation.media.assets.rest.dto.AuditEntryView;
import com.renovation.media.web.paging.Cursor;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading the audit log: owners see the entries of their own entities, admins everyone's. */
@ApplicationScoped
public class AuditLog {

    private static final String TYPES = Arrays.stream(AuditEntityType.values()).map(AuditEntityType::value)
            .collect(Collectors.joining(", "));

    private final AuditLogRepository log;

    public AuditLog(AuditLogRepository log) {
        this.log = log;
    }

    @WithSession
    public Uni<Page<AuditEntryView>> list(Caller caller, String entityType, UUID entityId, String cursor,
            int limit) {
        AuditEntityType type = entityType == null || entityType.isBlank() ? null : AuditEntityType.of(entityType)
                .orElseThrow(() -> ApiException.invalid("entityType", "must be one of " + TYPES));
        Cursor after = Cursor.decode(cursor, 1);
        Long before;
        try {
            before = after == null ? null : Long.valueOf(after.parts().get(0));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
        return log.page(caller.admin() ? null : caller.userId(), type, entityId, before, limit + 1)
                .map(rows -> Page.of(rows, limit, e -> Cursor.of(e.id).encode(), AuditEntryView::of));
    }
}
