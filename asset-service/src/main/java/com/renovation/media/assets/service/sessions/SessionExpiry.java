package com.renovation.media.assets.service.sessions;

import com.renovation.media.assets.config.AuditConfig;
import com.renovation.media.assets.config.SessionExpiryConfig;
import com.renovation.media.assets.repository.SessionExpiryRepository;
import com.renovation.media.assets.repository.SessionExpiryRepository.Inactive;
import com.renovation.media.contracts.events.payload.SessionExpiring;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.messaging.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Erases project sessions nobody changed for {@code platform.sessions.inactivity}. {@code session.expiring} is
 * sent once per period of inactivity, {@code expiry-warning} before the erasure; the erasure comes only once the
 * session has stayed inactive and the warning is at least that old, and it is {@link SessionService#erase}, the
 * same as the owner's DELETE. The claim sends the warnings and leases the erasures (a run that dies leaves them
 * to a later one after the lease); the erasures, with their S3 work, run outside any transaction.
 */
@ApplicationScoped
public class SessionExpiry implements LockedBatchJob<SessionExpiry.Due> {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class);

    /** A session warned about by this batch ({@code erase} false), or to be erased by it. */
    public record Due(Inactive session, boolean erase) {
    }

    private final SessionExpiryRepository rows;
    private final SessionService sessions;
    private final Outbox outbox;
    private final SessionExpiryConfig config;
    private final LockedBatches jobs;

    public SessionExpiry(SessionExpiryRepository rows, SessionService sessions, Outbox outbox,
            SessionExpiryConfig config, LockedBatches jobs) {
        this.rows = rows;
        this.sessions = sessions;
        this.outbox = outbox;
        this.config = config;
        this.jobs = jobs;
    }

    /**
     * Activity is read from the audit log, so rows purged before a session could expire would make an active
     * session look inactive since its own last update: such a configuration is refused.
     */
    void checkRetention(@Observes StartupEvent event, AuditConfig audit) {
        requireAuditOutlivesInactivity(audit.retention(), config.inactivity(), config.expiryWarning());
    }

    static void requireAuditOutlivesInactivity(Duration auditRetention, Duration inactivity, Duration warning) {
        if (auditRetention.compareTo(inactivity) <= 0) {
            throw new IllegalStateException("platform.audit.retention (" + auditRetention + ") must be longer than"
                    + " platform.sessions.inactivity (" + inactivity + "): a session's activity is read from the"
                    + " audit log");
        }
        if (warning.isNegative() || warning.compareTo(inactivity) >= 0) {
            throw new IllegalStateException("platform.sessions.expiry-warning (" + warning + ") must be shorter"
                    + " than platform.sessions.inactivity (" + inactivity + ")");
        }
    }

    @Override
    public Schedule schedule() {
        return new Schedule("inactive sessions", config.expiryInterval(), config.expiryBatchSize());
    }

    /** One run as at {@code now}; answers how many sessions it warned about or erased. */
    public Uni<Integer> run(Instant now) {
        return jobs.run(this, now);
    }

    @Override
    public Uni<List<Due>> claim(Instant now, int limit) {
        Instant erasedBefore = now.minus(config.inactivity());
        Instant warnBefore = erasedBefore.plus(config.expiryWarning());
        return rows.lockToWarn(warnBefore, limit)
                .chain(toWarn -> Multi.createFrom().iterable(toWarn).onItem()
                        .transformToUniAndConcatenate(session -> warn(session, now)).collect().asList())
                .chain(warned -> rows.lockToErase(erasedBefore, now.minus(config.expiryWarning()), now,
                                limit - warned.size())
                        .call(toErase -> rows.leaseErasure(toErase.stream().map(Inactive::sessionId).toList(),
                                now.plus(LEASE)))
                        .map(toErase -> {
                            List<Due> due = new ArrayList<>(warned);
                            toErase.forEach(session -> due.add(new Due(session, true)));
                            return due;
                        }));
    }

    private Uni<Due> warn(Inactive session, Instant now) {
        Instant erasesAt = later(session.lastActivityAt().plus(config.inactivity()), now.plus(config.expiryWarning()));
        return rows.warned(session.sessionId(), session.lastActivityAt(), now)
                .chain(() -> outbox.add(new SessionExpiring(session.sessionId(), session.ownerId(),
                        session.lastActivityAt().toString(), erasesAt.toString())))
                .replaceWith(new Due(session, false));
    }

    /** Erases one session after another; one that fails stays leased and is tried again after the lease. */
    @Override
    public Uni<List<Due>> work(List<Due> claimed) {
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(due -> !due.erase()
                        ? Uni.createFrom().item(due)
                        : sessions.erase(due.session().sessionId(), due.session().ownerId()).replaceWith(due)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "erasing inactive session %s failed; tried again later",
                                            due.session().sessionId());
                                    return null;
                                }))
                .collect().asList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
