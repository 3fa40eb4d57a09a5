package com.renovation.media.assets.service.sessions;

import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.SessionKind;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.RoomRepository;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.rest.dto.RoomView;
import com.renovation.media.assets.rest.dto.SessionRequests.CreateRoom;
import com.renovation.media.assets.rest.dto.SessionRequests.UpdateRoom;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.RoomDeleted;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@AuditedChanges
@ApplicationScoped
public class RoomService {

    private final RoomRepository rooms;
    private final RoomAssetRepository assets;
    private final Access access;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final StorageSweeps sweeps;
    private final LiveEvents live;

    private final AuditActor audit;

    public RoomService(RoomRepository rooms, RoomAssetRepository assets, Access access, ObjectStore objects,
            Outbox outbox, StorageSweeps sweeps, LiveEvents live, AuditActor audit) {
        this.audit = audit;
        this.sweeps = sweeps;
        this.rooms = rooms;
        this.assets = assets;
        this.access = access;
        this.objects = objects;
        this.outbox = outbox;
        this.live = live;
    }

    @WithTransaction
    public Uni<RoomView> create(Caller caller, UUID sessionId, CreateRoom request) {
        return access.session(sessionId, caller, Access.Mode.WRITE).chain(session -> {
            if (session.kind == SessionKind.WORKSPACE) {
                throw new ApiException(ProblemKind.CONFLICT, "the workspace has exactly one room");
            }
            Room room = new Room();
            room.id = UUID.randomUUID();
            room.sessionId = session.id;
            room.name = request.name().strip();
            room.roomType = request.roomType();
            room.createdAt = Instant.now();
            room.updatedAt = room.createdAt;
            return rooms.persist(room).map(RoomView::of);
        });
    }

    @WithSession
    public Uni<Page<RoomView>> list(Caller caller, UUID sessionId, String cursor, int limit) {
        return access.session(sessionId, caller, Access.Mode.READ)
                .chain(session -> rooms.pageOfSession(session.id, SortKey.decode(cursor), limit + 1))
                .map(rows -> Page.of(rows, limit, r -> new SortKey(0, r.createdAt, r.id).encode(), RoomView::of));
    }

    @WithSession
    public Uni<RoomView> get(Caller caller, UUID id) {
        return access.room(id, caller, Access.Mode.READ).map(found -> RoomView.of(found.room()));
    }

    @WithTransaction
    public Uni<RoomView> update(Caller caller, UUID id, UpdateRoom request) {
        return access.room(id, caller, Access.Mode.WRITE).map(found -> {
            Room room = found.room();
            if (request.name() != null) {
                room.name = request.name().strip();
            }
            if (request.roomType() != null) {
                room.roomType = request.roomType();
            }
            room.updatedAt = Instant.now();
            return RoomView.of(room);
        });
    }

    /**
     * Removes the room's objects, then its rows (the projection of documents drawn from it goes with them);
     * each removed asset is announced as deleted, and the room with {@code room.deleted}, so document-service
     * erases those documents' rows and PDFs too.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withSession(() -> access.room(id, caller, Access.Mode.WRITE))
                .invoke(found -> {
                    if (found.session().kind == SessionKind.WORKSPACE) {
                        throw new ApiException(ProblemKind.CONFLICT,
                                "the workspace's room stays; delete its assets, or erase the workspace session");
                    }
                })
                .chain(found -> objects.deletePrefix(Buckets.USER_UPLOADS,
                                StoragePaths.roomPrefix(found.session().id, id))
                        .chain(() -> audit.transaction(() -> assets.list("roomId", id)
                                .chain(removed -> announce(removed))
                                .chain(() -> outbox.add(new RoomDeleted(id, found.session().id,
                                        found.session().ownerId)))
                                .chain(() -> rooms.delete("id", id))
                                .chain(() -> sweeps.prefixAfterUploadUrls(
                                        StoragePaths.roomPrefix(found.session().id, id)))
                                .chain(() -> live.add(found.session().id, LiveEventKind.ROOM_DELETED,
                                        new LiveChanges.RoomRemoved(id, found.session().id))))))
                .replaceWithVoid();
    }

    private Uni<Void> announce(List<RoomAsset> removed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RoomAsset asset : removed) {
            chain = chain.chain(() -> outbox.add(new AssetDeleted(asset.id, asset.sessionId, asset.roomId,
                    Buckets.USER_UPLOADS, List.of(asset.storagePath))).replaceWithVoid());
        }
        return chain;
    }
}
