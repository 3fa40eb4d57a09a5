package com.renovation.media.assets.service.backups;

import com.renovation.media.assets.config.BackupConfig;
import com.renovation.media.assets.repository.BackupTrigger;
import com.renovation.media.assets.repository.SessionBackupRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The daily backup: project sessions whose last activity ({@code session_last_activity}) is later than what their
 * newest backup covers, and that have no daily backup within the period, are claimed (leased, so replicas take
 * disjoint sessions), backed up outside any transaction, then released. A session whose backup fails stays
 * leased and is tried again once the lease has passed.
 */
@ApplicationScoped
public class DailyBackups implements LockedBatchJob<UUID> {

    private static final Logger LOG = Logger.getLogger(DailyBackups.class);

    private final SessionBackupRepository backups;
    private final SessionBackups sessionBackups;
    private final BackupConfig config;
    private final LockedBatches jobs;

    public DailyBackups(SessionBackupRepository backups, SessionBackups sessionBackups, BackupConfig config,
            LockedBatches jobs) {
        this.backups = backups;
        this.sessionBackups = sessionBackups;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        // the first look one interval after start: a restart is no reason to back everything up at once
        return new Schedule("daily session backups", config.checkInterval(), config.batchSize(),
                config.checkInterval());
    }

    /** One run at {@code now}; answers how many sessions it backed up. */
    public Uni<Integer> run(Instant now) {
        return jobs.run(this, now);
    }

    @Override
    public Uni<List<UUID>> claim(Instant now, int limit) {
        return backups.claimDue(now, config.period(), LEASE, limit);
    }

    /** One session after the other: a failed one answers null, which the stream leaves out. */
    @Override
    public Uni<List<UUID>> work(List<UUID> claimed) {
        return Multi.createFrom().iterable(claimed).onItem()
                .transformToUniAndConcatenate(sessionId -> sessionBackups.backUp(sessionId, BackupTrigger.DAILY)
                        .replaceWith(sessionId)
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("daily backup of session %s failed, tried again later: %s", sessionId,
                                    e.getMessage());
                            return null;
                        }))
                .collect().asList();
    }

    @Override
    public Uni<Void> finish(List<UUID> done) {
        return backups.releaseLeases(done);
    }
}
