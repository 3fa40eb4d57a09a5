package com.renovation.media.assets.service.orders;

import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.RoomRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.assets.service.uploads.FileRefused;
import com.renovation.media.assets.service.uploads.UploadRules;
import com.renovation.media.assets.service.uploads.UploadService;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.payload.OrderOutputReady;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.SafeFilename;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What order-service's events do to assets: a paid order makes the temporary uploads it names permanent, and a
 * processing's output becomes a new asset of the session, confirmed like an upload.
 */
@ApplicationScoped
public class OrderAssets {

    private static final Logger LOG = Logger.getLogger(OrderAssets.class);

    private final RoomAssetRepository assets;
    private final RoomRepository rooms;
    private final SessionRepository sessions;
    private final UploadRules rules;
    private final UploadService uploads;
    private final ObjectStore objects;

    public OrderAssets(RoomAssetRepository assets, RoomRepository rooms, SessionRepository sessions,
            UploadRules rules, UploadService uploads, ObjectStore objects) {
        this.assets = assets;
        this.rooms = rooms;
        this.sessions = sessions;
        this.rules = rules;
        this.uploads = uploads;
        this.objects = objects;
    }

    /**
     * In the consumer's transaction: the named assets that are the owner's and in the order's session no longer
     * expire. Any other id (another owner's, another session's, already erased) changes nothing.
     */
    public Uni<Void> paid(OrderPaid event) {
        List<UUID> named = event.assetIds() == null ? List.of() : List.copyOf(Set.copyOf(event.assetIds()));
        if (named.isEmpty() || event.sessionId() == null || event.ownerId() == null) {
            LOG.warnf("order %s paid names no assets of a session and owner; nothing to keep", event.orderId());
            return Uni.createFrom().voidItem();
        }
        return assets.list("id in ?1 and sessionId = ?2 and ownerId = ?3", named, event.sessionId(), event.ownerId())
                .chain(found -> {
                    Set<UUID> kept = found.stream().map(a -> a.id).collect(Collectors.toSet());
                    List<UUID> ignored = named.stream().filter(id -> !kept.contains(id)).toList();
                    if (!ignored.isEmpty()) {
                        LOG.warnf("order %s paid: assets %s are not the owner's in session %s (or are gone);"
                                + " left as they are", event.orderId(), ignored, event.sessionId());
                    }
                    Instant now = Instant.now();
                    found.stream().filter(a -> a.expiresAt != null).forEach(a -> {
                        a.expiresAt = null;
                        a.updatedAt = now;
                    });
                    return Uni.createFrom().voidItem();
                });
    }

    /** What became of one output. */
    public enum Outcome { CONFIRMED, ALREADY_THERE, TARGET_GONE, REFUSED }

    /**
     * Outside any transaction (the object is checked and moved in S3): makes asset {@code assetId} of the room,
     * pending, then confirms it through the upload path, which checks the bytes by their magic numbers, moves them
     * to the asset's own key and emits {@code asset.confirmed} with the owner's plan formats. Safe to repeat: an
     * asset already there is confirmed if still pending and otherwise left alone. The owner's storage counts the
     * output (the usage triggers) but no quota refuses a paid output.
     */
    public Uni<Outcome> outputReady(OrderOutputReady event) {
        requireOwnPlace(event);
        String incoming = StoragePaths.incomingKey(event.sessionId(), event.roomId(), event.assetId());
        String assetType = event.service().outputAssetType();
        Optional<FileType> declared = FileType.fromDeclared(event.contentType())
                .filter(type -> rules.policy(assetType).allowed().contains(type));
        if (declared.isEmpty() || event.fileSize() <= 0) {
            LOG.warnf("output %s of order %s refused: %s is not a %s", event.assetId(), event.orderId(),
                    event.contentType(), assetType);
            return objects.delete(Buckets.USER_UPLOADS, incoming).replaceWith(Outcome.REFUSED);
        }
        return Panache.withTransaction(() -> pendingRow(event, declared.get())).chain(row -> {
            if (row.isEmpty()) {
                // the session or room was erased: what order-service stored under its prefix goes too
                LOG.infof("output %s of order %s ignored: room %s of session %s is gone", event.assetId(),
                        event.orderId(), event.roomId(), event.sessionId());
                return objects.delete(Buckets.USER_UPLOADS, incoming).replaceWith(Outcome.TARGET_GONE);
            }
            RoomAsset asset = row.get();
            if (asset.status != AssetStatus.PENDING) {
                return Uni.createFrom().item(Outcome.ALREADY_THERE);
            }
            return uploads.confirmStored(asset, event.ownerId()).replaceWith(Outcome.CONFIRMED)
                    .onFailure(FileRefused.class).recoverWithItem(failure -> {
                        LOG.warnf("output %s of order %s refused: %s", event.assetId(), event.orderId(),
                                failure.getMessage());
                        return Outcome.REFUSED;
                    });
        });
    }

    /**
     * The object must be at the incoming key of the asset in its own session and room: an event naming any other
     * object (another user's, another bucket) is forged and dead-lettered.
     */
    private static void requireOwnPlace(OrderOutputReady event) {
        if (event.assetId() == null || event.sessionId() == null || event.roomId() == null
                || event.ownerId() == null || event.service() == null) {
            throw new PermanentEventFailure("order.output.ready without an asset, session, room, owner or service");
        }
        String expected = StoragePaths.incomingKey(event.sessionId(), event.roomId(), event.assetId());
        if (!Buckets.USER_UPLOADS.equals(event.bucket()) || !expected.equals(event.storagePath())) {
            throw new PermanentEventFailure("output " + event.assetId() + " is at " + event.bucket() + "/"
                    + event.storagePath() + ", not at its incoming key " + expected);
        }
    }

    /** The output's row, made pending if new; empty if its room (or session) is gone. */
    private Uni<Optional<RoomAsset>> pendingRow(OrderOutputReady event, FileType declared) {
        return assets.findById(event.assetId()).chain(existing -> {
            if (existing != null) {
                if (!existing.sessionId.equals(event.sessionId())) {
                    throw new PermanentEventFailure("asset " + event.assetId() + " exists in another session");
                }
                return Uni.createFrom().item(Optional.of(existing));
            }
            return rooms.findById(event.roomId()).chain(room -> {
                if (room == null || !room.sessionId.equals(event.sessionId())) {
                    return Uni.createFrom().item(Optional.<RoomAsset>empty());
                }
                return sessions.findById(event.sessionId()).chain(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(Optional.<RoomAsset>empty());
                    }
                    if (!session.ownerId.equals(event.ownerId())) {
                        throw new PermanentEventFailure("session " + session.id + " is not owned by "
                                + event.ownerId());
                    }
                    return parentIn(event).chain(parent -> assets.persist(newOutput(event, session, room,
                            declared, parent)).map(Optional::of));
                });
            });
        });
    }

    /** The parent, if it is still there; one in another session is forged. */
    private Uni<UUID> parentIn(OrderOutputReady event) {
        if (event.parentAssetId() == null) {
            return Uni.createFrom().nullItem();
        }
        return assets.findById(event.parentAssetId()).map(parent -> {
            if (parent == null) {
                return null; // deleted since the order was paid: the output stays, unlinked
            }
            if (!parent.sessionId.equals(event.sessionId())) {
                throw new PermanentEventFailure("parent " + parent.id + " of output " + event.assetId()
                        + " is in another session");
            }
            return parent.id;
        });
    }

    private static RoomAsset newOutput(OrderOutputReady event, Session session, Room room, FileType declared,
            UUID parentId) {
        SafeFilename filename = filenameOf(event, declared);
        RoomAsset asset = new RoomAsset();
        asset.id = event.assetId();
        asset.sessionId = session.id;
        asset.roomId = room.id;
        asset.parentAssetId = parentId;
        asset.uploadedBy = PlatformService.ORDER_SERVICE.serviceName();
        asset.assetType = event.service().outputAssetType();
        asset.source = event.service().outputSource();
        asset.status = AssetStatus.PENDING;
        asset.originalFilename = filename.display();
        asset.contentType = declared.contentType();
        asset.fileSize = event.fileSize();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("orderId", String.valueOf(event.orderId()));
        metadata.put("service", event.service().value());
        asset.metadata = metadata;
        asset.createdAt = Instant.now();
        asset.updatedAt = asset.createdAt;
        asset.expiresAt = null; // paid for: permanent, even in the workspace
        asset.storagePath = StoragePaths.assetKey(asset.sessionId, asset.roomId, asset.assetType,
                StoragePaths.uniqueTimestamp(), filename.keyPart());
        asset.declaredSha256 = event.sha256() == null ? null : event.sha256().toLowerCase(Locale.ROOT);
        return asset;
    }

    /** The event's filename if it is a usable one, else one made from the service and the asset id. */
    private static SafeFilename filenameOf(OrderOutputReady event, FileType declared) {
        if (event.originalFilename() != null) {
            try {
                return SafeFilename.of(event.originalFilename());
            } catch (IllegalArgumentException e) {
                // the reason only: a file name may name a person or a place
                LOG.debugf("output %s: its filename is unusable (%s)", event.assetId(), e.getMessage());
            }
        }
        String extension = declared.contentType().substring(declared.contentType().indexOf('/') + 1);
        return SafeFilename.of(event.service().value() + "-" + event.assetId() + "." + extension);
    }
}
