package com.renovation.media.assets.service.sessions;

import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.config.SessionExpiryConfig;
import com.renovation.media.assets.repository.AuditLogRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.rest.dto.SessionRequests.CreateSession;
import com.renovation.media.assets.rest.dto.SessionRequests.RenameSession;
import com.renovation.media.assets.rest.dto.SessionView;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.plans.Plans;
import com.renovation.media.assets.service.plans.Quotas;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@AuditedChanges
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final Access access;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final StorageSweeps sweeps;
    private final LiveEvents live;

    private final AuditActor audit;

    private final AuditLogRepository auditLog;

    private final SessionExpiryConfig expiry;

    private final Plans plans;
    private final Quotas quotas;

    public SessionService(SessionRepository sessions, Access access, ObjectStore objects, Outbox outbox,
            StorageSweeps sweeps, LiveEvents live, AuditActor audit, AuditLogRepository auditLog, Plans plans,
            Quotas quotas, SessionExpiryConfig expiry) {
        this.expiry = expiry;
        this.plans = plans;
        this.quotas = quotas;
        this.auditLog = auditLog;
        this.audit = audit;
        this.sweeps = sweeps;
        this.sessions = sessions;
        this.access = access;
        this.objects = objects;
        this.outbox = outbox;
        this.live = live;
    }

    @WithTransaction
    public Uni<SessionView> create(Caller caller, CreateSession request) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.ownerId = caller.userId();
        session.title = request.title().strip();
        session.createdAt = Instant.now();
        session.updatedAt = session.createdAt;
        // the session count is checked under the owner's quota lock, held until this insert commits
        return plans.ofCaller(caller).chain(effective -> quotas.reserveSession(caller.userId(), effective.plan()))
                .chain(() -> sessions.persist(session)).map(SessionView::of);
    }

    /** The caller's sessions; an admin may name another owner. */
    @WithSession
    public Uni<Page<SessionView>> list(Caller caller, String ownerId, String cursor, int limit) {
        String owner = ownerId == null || ownerId.isBlank() ? caller.userId() : ownerId;
        if (!owner.equals(caller.userId()) && !caller.admin()) {
            return Uni.createFrom().item(new Page<>(java.util.List.of(), null));
        }
        return sessions.pageOfOwner(owner, SortKey.decode(cursor), limit + 1)
                .map(rows -> Page.of(rows, limit, s -> new SortKey(0, s.createdAt, s.id).encode(), SessionView::of));
    }

    /** With when it last changed and when it is erased if nothing changes until then. */
    @WithSession
    public Uni<SessionView> get(Caller caller, UUID id) {
        return access.session(id, caller, Access.Mode.READ).chain(session -> sessions.lastActivity(id)
                .map(at -> SessionView.of(session, at, expiry.inactivity())));
    }

    @WithTransaction
    public Uni<SessionView> rename(Caller caller, UUID id, RenameSession request) {
        return access.session(id, caller, Access.Mode.WRITE).map(session -> {
            session.title = request.title().strip();
            session.updatedAt = Instant.now();
            return SessionView.of(session);
        });
    }

    /**
     * Erases the session (GDPR): every object under its prefix and its backups' first — a failure there changes
     * nothing — then every row (its backups' with them), with {@code session.deleted} so the other services erase
     * what they hold of it. A pending upload's URL may still write under the prefix, so it is swept again once
     * every such URL has expired.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withSession(() -> access.session(id, caller, Access.Mode.WRITE))
                .chain(session -> erase(id, session.ownerId));
    }

    /**
     * The erasure itself, for a caller allowed to erase the session: its DELETE, or the inactivity expiry. Its
     * backups go with it (rows by cascade, objects here, and a second sweep for one recorded meanwhile).
     */
    public Uni<Void> erase(UUID id, String ownerId) {
        return objects.deletePrefix(Buckets.USER_UPLOADS, StoragePaths.sessionPrefix(id))
                .chain(() -> objects.deletePrefix(Buckets.USER_UPLOADS, StoragePaths.backupsPrefix(id)))
                .chain(() -> audit.transaction(() -> sessions.delete("id", id)
                        .chain(() -> outbox.add(new SessionDeleted(id, ownerId)))
                        .chain(() -> sweeps.prefixAfterUploadUrls(StoragePaths.sessionPrefix(id)))
                        .chain(() -> sweeps.backupsOfErasedSession(id))
                        .chain(() -> auditLog.eraseSession(id, ownerId))
                        .chain(() -> live.addForOwner(ownerId, LiveEventKind.SESSION_DELETED,
                                new LiveChanges.SessionRemoved(id)))))
                .replaceWithVoid();
    }
}
