package com.renovation.media.assets.service.backups;

import com.renovation.media.assets.repository.AssetComparisonRepository;
import com.renovation.media.assets.repository.DocumentArtifactRepository;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.RoomRepository;
import com.renovation.media.assets.repository.SessionBackup;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.rest.dto.RestoredSession;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.service.documents.DocumentService;
import com.renovation.media.assets.service.plans.EffectivePlan;
import com.renovation.media.assets.service.plans.Plans;
import com.renovation.media.assets.service.plans.Quotas;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Restores a backup into a new session. The new session's prefix is leased for sweeping, the originals copied
 * there inside S3, and only then one transaction inserts every row and emits {@code asset.confirmed} for each
 * asset (variant-worker makes the variants again) and {@code document.requested} for each document. A restore
 * dying before that transaction commits leaves no row, and its objects are swept after the lease; restoring
 * twice makes two sessions.
 */
@ApplicationScoped
public class BackupRestore {

    private final SessionBackups backups;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final RoomAssetRepository assets;
    private final AssetComparisonRepository comparisons;
    private final DocumentArtifactRepository documents;
    private final StorageSweeps sweeps;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final AuditActor audit;
    private final Plans plans;
    private final Quotas quotas;

    public BackupRestore(SessionBackups backups, SessionRepository sessions, RoomRepository rooms,
            RoomAssetRepository assets, AssetComparisonRepository comparisons, DocumentArtifactRepository documents,
            StorageSweeps sweeps, ObjectStore objects, Outbox outbox, AuditActor audit, Plans plans, Quotas quotas) {
        this.backups = backups;
        this.sessions = sessions;
        this.rooms = rooms;
        this.assets = assets;
        this.comparisons = comparisons;
        this.documents = documents;
        this.sweeps = sweeps;
        this.objects = objects;
        this.outbox = outbox;
        this.audit = audit;
        this.plans = plans;
        this.quotas = quotas;
    }

    /** The owner's restore (an admin may read backups, not restore them): answers the new session. */
    public Uni<RestoredSession> restore(Caller caller, UUID backupId) {
        return Panache.withSession(() -> backups.readable(caller, backupId)
                        .call(backup -> sessions.findById(backup.sessionId).invoke(session -> Access.checkOwner(
                                session.ownerId, caller, Access.Mode.WRITE, "backup " + backupId))))
                .chain(this::manifestOf)
                .map(manifest -> RestorePlan.of(manifest, UUID.randomUUID(), Instant.now()))
                // checked before copying (a restore the plan refuses copies nothing), and again, under the
                // owner's lock, in the transaction that inserts the rows
                .call(plan -> Panache.withTransaction(() -> reserve(caller, plan)))
                .chain(plan -> sweeps.leaseWhileWriting(StoragePaths.sessionPrefix(plan.session().id))
                        .chain(lease -> ObjectCopies.copyAll(objects, plan.copies())
                                .chain(() -> audit.transaction(() -> reserve(caller, plan)
                                        .chain(effective -> insert(plan, lease,
                                                plans.limits(effective.plan()).variantFormats())))))
                        .replaceWith(new RestoredSession(plan.session().id)));
    }

    /** The owner's plan, with room for one more session and the restored originals. */
    private Uni<EffectivePlan> reserve(Caller caller, RestorePlan plan) {
        long bytes = plan.assets().stream().mapToLong(asset -> asset.fileSize).sum();
        return plans.ofCaller(caller).call(effective -> quotas.reserveRestore(plan.session().ownerId,
                effective.plan(), bytes));
    }

    private Uni<BackupManifest> manifestOf(SessionBackup backup) {
        return objects.read(Buckets.USER_UPLOADS, backup.manifestKey).map(json -> {
            try {
                BackupManifest manifest = EventJson.MAPPER.readValue(json, BackupManifest.class);
                if (manifest.schemaVersion() > BackupManifest.SCHEMA_VERSION) {
                    throw new ApiException(ProblemKind.CONFLICT, "backup " + backup.id + " was written by a newer"
                            + " version (schema " + manifest.schemaVersion() + ")");
                }
                return manifest;
            } catch (IOException e) {
                throw new IllegalStateException("manifest of backup " + backup.id + " is unreadable", e);
            }
        });
    }

    /**
     * Every row of the restored session, in the caller's transaction, with the events that have the other
     * services make what they make of new rows (variants, PDFs). The lease goes with them.
     */
    Uni<Void> insert(RestorePlan plan, StorageSweep lease, List<String> variantFormats) {
        String ownerId = plan.session().ownerId;
        return sweeps.keepWritten(lease)
                .chain(() -> sessions.persist(plan.session()))
                .chain(() -> persistAll(rooms, plan.rooms()))
                .chain(() -> persistAll(assets, plan.assets()))
                .chain(() -> persistAll(comparisons, plan.comparisons()))
                .chain(() -> persistAll(documents, plan.documents().stream()
                        .map(RestorePlan.RestoredDocument::row).toList()))
                .chain(() -> Multi.createFrom().iterable(plan.assets()).onItem()
                        .transformToUniAndConcatenate(asset -> outbox.add(new AssetConfirmed(asset.id,
                                asset.sessionId, asset.roomId, ownerId, asset.assetType, Buckets.USER_UPLOADS,
                                asset.storagePath, asset.contentType, asset.fileSize, asset.sha256, variantFormats)))
                        .collect().last())
                .chain(() -> Multi.createFrom().iterable(plan.documents()).onItem()
                        // every version restored is kept: the plan's pruning applies to new versions only
                        .transformToUniAndConcatenate(document -> outbox.add(DocumentService.requested(
                                document.row(), ownerId, document.content(), null)))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Panache refuses to persist an empty batch; a backup may have no rooms, comparisons or documents. */
    private static <T> Uni<Void> persistAll(PanacheRepositoryBase<T, UUID> repository, List<T> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(rows);
    }
}
