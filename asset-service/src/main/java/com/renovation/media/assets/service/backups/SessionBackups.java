package com.renovation.media.assets.service.backups;

import com.renovation.media.assets.config.BackupConfig;
import com.renovation.media.assets.repository.AssetComparisonRepository;
import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.BackupTrigger;
import com.renovation.media.assets.repository.DocumentArtifactRepository;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.RoomRepository;
import com.renovation.media.assets.repository.SessionBackup;
import com.renovation.media.assets.repository.SessionBackupRepository;
import com.renovation.media.assets.repository.SessionKind;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.assets.rest.dto.BackupView;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Backs sessions up: the rows are read, the originals copied inside S3 and the manifest written under the
 * backup's prefix — leased for sweeping first, so a run dying midway leaves nothing once the sweeper has been
 * by — and only then one transaction records the backup and drops those beyond the newest
 * {@code platform.backups.keep}, whose objects are deleted after it (or swept, if that fails).
 */
@ApplicationScoped
public class SessionBackups {

    private static final Logger LOG = Logger.getLogger(SessionBackups.class);

    private record Snapshot(BackupManifest manifest, Instant activityAt) {
    }

    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final RoomAssetRepository assets;
    private final AssetComparisonRepository comparisons;
    private final DocumentArtifactRepository documents;
    private final SessionBackupRepository backups;
    private final StorageSweepRepository sweepRows;
    private final StorageSweeps sweeps;
    private final ObjectStore objects;
    private final Access access;
    private final AuditActor audit;
    private final BackupConfig config;

    public SessionBackups(SessionRepository sessions, RoomRepository rooms, RoomAssetRepository assets,
            AssetComparisonRepository comparisons, DocumentArtifactRepository documents,
            SessionBackupRepository backups, StorageSweepRepository sweepRows, StorageSweeps sweeps,
            ObjectStore objects, Access access, AuditActor audit, BackupConfig config) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.assets = assets;
        this.comparisons = comparisons;
        this.documents = documents;
        this.backups = backups;
        this.sweepRows = sweepRows;
        this.sweeps = sweeps;
        this.objects = objects;
        this.access = access;
        this.audit = audit;
        this.config = config;
    }

    /** The owner's backup now. The workspace holds nothing kept, so it has none. */
    public Uni<BackupView> create(Caller caller, UUID sessionId) {
        return Panache.withSession(() -> access.session(sessionId, caller, Access.Mode.WRITE)).chain(session -> {
            if (session.kind != SessionKind.PROJECT) {
                throw new ApiException(ProblemKind.CONFLICT, "the workspace is not backed up; save what you"
                        + " want to keep to a session");
            }
            return backUp(sessionId, BackupTrigger.MANUAL);
        }).map(BackupView::of);
    }

    @WithSession
    public Uni<Page<BackupView>> list(Caller caller, UUID sessionId, String cursor, int limit) {
        return access.session(sessionId, caller, Access.Mode.READ)
                .chain(() -> backups.pageOfSession(sessionId, SortKey.decode(cursor), limit + 1))
                .map(rows -> Page.of(rows, limit, b -> new SortKey(0, b.createdAt, b.id).encode(), BackupView::of));
    }

    @WithSession
    public Uni<BackupView> get(Caller caller, UUID id) {
        return readable(caller, id).map(BackupView::of);
    }

    /** The backup if the caller may read its session; 404 exactly as if it did not exist otherwise. */
    Uni<SessionBackup> readable(Caller caller, UUID id) {
        return backups.findById(id).call(backup -> {
            if (backup == null) {
                throw ApiException.notFound("backup " + id);
            }
            return access.session(backup.sessionId, caller, Access.Mode.READ)
                    .onFailure(ApiException.class).transform(e -> ApiException.notFound("backup " + id));
        });
    }

    /** Takes one backup of the session now; answers its row. */
    public Uni<SessionBackup> backUp(UUID sessionId, BackupTrigger trigger) {
        UUID backupId = UUID.randomUUID();
        return Panache.withSession(() -> snapshot(sessionId, backupId)).chain(snapshot -> sweeps
                .leaseWhileWriting(StoragePaths.backupPrefix(sessionId, backupId))
                .chain(lease -> copyOriginals(snapshot.manifest())
                        .chain(() -> writeManifest(snapshot.manifest()))
                        .chain(manifestBytes -> audit.transaction(() -> record(snapshot, trigger,
                                manifestBytes, lease)))))
                .call(recorded -> removeNow(recorded.expired()))
                .map(Recorded::backup);
    }

    private Uni<Snapshot> snapshot(UUID sessionId, UUID backupId) {
        // activity first: a change after it is in the rows read below at worst, and backed up again next time
        return sessions.lastActivity(sessionId).chain(activityAt -> sessions.findById(sessionId).chain(session -> {
            if (session == null || activityAt == null) {
                throw ApiException.notFound("session " + sessionId);
            }
            return rooms.list("sessionId = ?1 order by createdAt, id", sessionId)
                    .chain(roomRows -> assets.list("sessionId = ?1 and status in ?2 order by createdAt, id",
                                    sessionId, Set.of(AssetStatus.UPLOADED, AssetStatus.PROCESSING,
                                            AssetStatus.READY, AssetStatus.FAILED))
                            .chain(assetRows -> comparisons.list("sessionId = ?1 order by createdAt, id", sessionId)
                                    .chain(pairs -> documents.list("sessionId = ?1 order by createdAt, id",
                                                    sessionId)
                                            .map(docs -> {
                                                Set<UUID> kept = assetRows.stream().map(a -> a.id)
                                                        .collect(Collectors.toSet());
                                                return new Snapshot(new BackupManifest(BackupManifest.SCHEMA_VERSION,
                                                        backupId, Instant.now(),
                                                        BackupManifest.SessionRow.of(session),
                                                        roomRows.stream().map(BackupManifest.RoomRow::of).toList(),
                                                        assetRows.stream().map(a -> BackupManifest.AssetRow.of(a,
                                                                StoragePaths.backupOriginalKey(sessionId, backupId,
                                                                        a.id))).toList(),
                                                        pairs.stream().filter(p -> kept.contains(p.beforeAssetId)
                                                                        && kept.contains(p.afterAssetId))
                                                                .map(BackupManifest.ComparisonRow::of).toList(),
                                                        docs.stream().map(BackupManifest.DocumentRow::of).toList()),
                                                        activityAt);
                                            }))));
        }));
    }

    private Uni<Void> copyOriginals(BackupManifest manifest) {
        return ObjectCopies.copyAll(objects, manifest.assets().stream()
                        .map(asset -> new ObjectCopies.Copy(asset.storagePath(), asset.backupKey())).toList())
                .onFailure(ObjectStore::isNotFound).transform(e -> new ApiException(ProblemKind.CONFLICT,
                        "an asset was removed while the session was backed up; try again"));
    }

    private Uni<Long> writeManifest(BackupManifest manifest) {
        byte[] json;
        try {
            json = EventJson.MAPPER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("backup manifest not writable", e));
        }
        return objects.put(Buckets.USER_UPLOADS, StoragePaths.backupManifestKey(manifest.session().id(),
                manifest.backupId()), json, "application/json").replaceWith((long) json.length);
    }

    private record Recorded(SessionBackup backup, List<StorageSweep> expired) {
    }

    /** One transaction: the backup's row (its objects are all written), and retention. */
    private Uni<Recorded> record(Snapshot snapshot, BackupTrigger trigger, long manifestBytes, StorageSweep lease) {
        BackupManifest manifest = snapshot.manifest();
        SessionBackup row = new SessionBackup();
        row.id = manifest.backupId();
        row.sessionId = manifest.session().id();
        row.trigger = trigger;
        row.activityAt = snapshot.activityAt();
        row.rooms = manifest.rooms().size();
        row.assets = manifest.assets().size();
        row.comparisons = manifest.comparisons().size();
        row.documents = manifest.documents().size();
        row.bytes = manifest.originalBytes() + manifestBytes;
        row.manifestKey = StoragePaths.backupManifestKey(row.sessionId, row.id);
        row.createdAt = Instant.now();
        return backups.lockSession(row.sessionId)
                .chain(() -> sweeps.keepWritten(lease))
                .chain(() -> backups.persistAndFlush(row))
                .chain(() -> backups.beyondNewest(row.sessionId, config.keep()))
                .chain(old -> {
                    if (old.isEmpty()) {
                        return Uni.createFrom().item(new Recorded(row, List.of()));
                    }
                    Instant leaseEnd = Instant.now().plus(LockedBatchJob.LEASE);
                    List<StorageSweep> expired = old.stream().map(b -> StorageSweep.of(Buckets.USER_UPLOADS,
                            StoragePaths.backupPrefix(b.sessionId, b.id), leaseEnd)).toList();
                    return backups.delete("id in ?1", old.stream().map(b -> b.id).toList())
                            .chain(() -> sweepRows.persist(expired.stream()))
                            .replaceWith(new Recorded(row, expired));
                });
    }

    /** The objects of backups past retention; if this fails the sweeper deletes them after the lease. */
    private Uni<Void> removeNow(List<StorageSweep> expired) {
        if (expired.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(expired).onItem()
                .transformToUniAndConcatenate(sweep -> objects.deletePrefix(sweep.bucket, sweep.prefix))
                .collect().last()
                .chain(() -> Panache.withTransaction(() -> sweepRows.delete("id in ?1",
                        expired.stream().map(sweep -> sweep.id).toList())))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("removing expired backups failed, swept later: %s", e.getMessage());
                    return null;
                });
    }
}
