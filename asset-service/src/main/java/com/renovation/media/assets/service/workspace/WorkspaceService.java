package com.renovation.media.assets.service.workspace;

import com.renovation.media.assets.config.WorkspaceConfig;
import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.RoomRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionKind;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.service.assets.AssetViews;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A user's workspace: generated images (AI renders, typically) they have not decided to keep. It is one session
 * with one room per user, so uploads, variants, live events and erasure treat its assets like any other; each
 * expires {@link WorkspaceConfig#expiry()} after its upload was requested unless saved to the library.
 */
@ApplicationScoped
public class WorkspaceService {

    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final RoomAssetRepository assets;
    private final AssetVariantRepository variants;
    private final AssetViews views;
    private final WorkspaceConfig config;

    public WorkspaceService(SessionRepository sessions, RoomRepository rooms, RoomAssetRepository assets,
            AssetVariantRepository variants, AssetViews views, WorkspaceConfig config) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.assets = assets;
        this.variants = variants;
        this.views = views;
        this.config = config;
    }

    /** The caller's workspace room to upload into, created on first use. Runs in the caller's transaction. */
    public Uni<Access.RoomAccess> roomFor(Caller caller) {
        return sessions.ensureWorkspace(caller.userId()).chain(session -> rooms.find("sessionId", session.id)
                .firstResult().map(room -> new Access.RoomAccess(session, room)));
    }

    /** When an asset uploaded into this session now expires: never, outside a workspace. */
    public Instant expiryOfNewAsset(Session session, Instant created) {
        return session.kind == SessionKind.WORKSPACE ? created.plus(config.expiry()) : null;
    }

    /** The caller's unsaved workspace assets, newest first. */
    @WithSession
    public Uni<Page<AssetView>> list(Caller caller, String cursor, int limit) {
        SortKey after = SortKey.decode(cursor);
        return sessions.workspaceOf(caller.userId()).chain(session -> {
            if (session == null) {
                return Uni.createFrom().item(new Page<>(List.of(), null));
            }
            return rooms.find("sessionId", session.id).firstResult()
                    .chain(room -> assets.pageOfWorkspace(room.id, after, limit + 1))
                    .chain(rows -> variants.ofAssets(rows.stream().map(a -> a.id).toList()).map(all -> {
                        Map<UUID, List<AssetVariant>> byAsset = all.stream()
                                .collect(Collectors.groupingBy(v -> v.parentAssetId));
                        return Page.of(rows, limit, a -> new SortKey(0, a.createdAt, a.id).encode(),
                                a -> views.of(a, byAsset.getOrDefault(a.id, List.of())));
                    }));
        });
    }
}
