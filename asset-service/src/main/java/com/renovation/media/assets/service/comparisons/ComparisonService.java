package com.renovation.media.assets.service.comparisons;

import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.repository.AssetComparison;
import com.renovation.media.assets.repository.AssetComparisonRepository;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.ComparisonRequests.ComparisonView;
import com.renovation.media.assets.rest.dto.ComparisonRequests.CreateComparison;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Before/after pairs of a room's assets (seed 001 Decision 5). */
@AuditedChanges
@ApplicationScoped
public class ComparisonService {

    private final AssetComparisonRepository comparisons;
    private final RoomAssetRepository assets;
    private final Access access;

    public ComparisonService(AssetComparisonRepository comparisons, RoomAssetRepository assets, Access access) {
        this.comparisons = comparisons;
        this.assets = assets;
        this.access = access;
    }

    @WithTransaction
    public Uni<ComparisonView> create(Caller caller, UUID roomId, CreateComparison request) {
        if (request.beforeAssetId().equals(request.afterAssetId())) {
            throw ApiException.invalid("afterAssetId", "must differ from beforeAssetId");
        }
        return access.room(roomId, caller, Access.Mode.WRITE)
                .call(found -> assets.count("roomId = ?1 and id in ?2", roomId,
                        List.of(request.beforeAssetId(), request.afterAssetId())).invoke(count -> {
                            if (count != 2) {
                                throw ApiException.invalid("beforeAssetId", "both assets must be in this room");
                            }
                        }))
                .chain(found -> {
                    AssetComparison comparison = new AssetComparison();
                    comparison.id = UUID.randomUUID();
                    comparison.sessionId = found.session().id;
                    comparison.roomId = roomId;
                    comparison.beforeAssetId = request.beforeAssetId();
                    comparison.afterAssetId = request.afterAssetId();
                    comparison.title = request.title();
                    comparison.description = request.description();
                    comparison.displayOrder = request.displayOrder() == null ? 0 : request.displayOrder();
                    comparison.createdAt = Instant.now();
                    return comparisons.persist(comparison).map(ComparisonView::of);
                });
    }

    @WithSession
    public Uni<List<ComparisonView>> list(Caller caller, UUID roomId) {
        return access.room(roomId, caller, Access.Mode.READ)
                .chain(found -> comparisons.ofRoom(roomId))
                .map(list -> list.stream().map(ComparisonView::of).toList());
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID roomId, UUID comparisonId) {
        return access.room(roomId, caller, Access.Mode.WRITE)
                .chain(found -> comparisons.delete("id = ?1 and roomId = ?2", comparisonId, roomId))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw ApiException.notFound("comparison " + comparisonId);
                    }
                })
                .replaceWithVoid();
    }
}
