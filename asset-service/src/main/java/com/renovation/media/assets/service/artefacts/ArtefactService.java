package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.repository.Artefact;
import com.renovation.media.assets.repository.ArtefactContentRepository;
import com.renovation.media.assets.repository.ArtefactRepository;
import com.renovation.media.assets.repository.ArtefactVersion;
import com.renovation.media.assets.repository.ArtefactVersionRepository;
import com.renovation.media.assets.rest.dto.ArtefactVersionView;
import com.renovation.media.assets.rest.dto.ArtefactView;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.paging.Cursor;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading artefacts and their versions, and deleting an artefact with everything it has in S3. */
@ApplicationScoped
public class ArtefactService {

    private final ArtefactRepository artefacts;
    private final ArtefactVersionRepository versions;
    private final ArtefactContentRepository contents;
    private final ArtefactAccess artefactAccess;
    private final Access access;
    private final ArtefactViews views;
    private final ObjectStore objects;
    private final StorageSweeps sweeps;
    private final LiveEvents live;
    private final AuditActor audit;

    public ArtefactService(ArtefactRepository artefacts, ArtefactVersionRepository versions,
            ArtefactContentRepository contents, ArtefactAccess artefactAccess, Access access, ArtefactViews views,
            ObjectStore objects, StorageSweeps sweeps, LiveEvents live, AuditActor audit) {
        this.artefacts = artefacts;
        this.versions = versions;
        this.contents = contents;
        this.artefactAccess = artefactAccess;
        this.access = access;
        this.views = views;
        this.objects = objects;
        this.sweeps = sweeps;
        this.live = live;
        this.audit = audit;
    }

    @WithSession
    public Uni<ArtefactView> get(Caller caller, UUID id) {
        return artefactAccess.artefact(id, caller, Access.Mode.READ).chain(artefact -> versions
                .find(artefact.id, artefact.latestVersion).map(latest -> views.artefact(artefact, latest)));
    }

    /** A session's artefacts (of one room, of one kind), the most recently changed first. */
    @WithSession
    public Uni<Page<ArtefactView>> list(Caller caller, UUID sessionId, String roomId, String kind, String cursor,
            int limit) {
        UUID room = roomId == null ? null : uuid("roomId", roomId);
        ArtefactKind artefactKind = kind == null ? null : ArtefactKind.find(kind)
                .orElseThrow(() -> ApiException.invalid("kind", "must be one of " + ArtefactKind.allValues()));
        SortKey after = SortKey.decode(cursor);
        return access.session(sessionId, caller, Access.Mode.READ)
                .chain(session -> artefacts.pageOfSession(sessionId, room, artefactKind, after, limit + 1))
                .chain(rows -> latestOf(rows).map(latest -> Page.of(rows, limit,
                        a -> new SortKey(0, a.updatedAt, a.id).encode(),
                        a -> views.artefact(a, latest.get(a.id)))));
    }

    /** Versions newest first, without their content. */
    @WithSession
    public Uni<Page<ArtefactVersionView>> versions(Caller caller, UUID id, String cursor, int limit) {
        Integer before = versionCursor(cursor);
        return artefactAccess.artefact(id, caller, Access.Mode.READ).chain(artefact -> versions
                .newestFirst(id, before, limit + 1)
                .map(rows -> Page.of(rows, limit, v -> Cursor.of(v.version).encode(),
                        v -> views.version(artefact, v, null))));
    }

    /** One version with its content, the sanitised SVG as stored. */
    @WithSession
    public Uni<ArtefactVersionView> version(Caller caller, UUID id, int n) {
        return artefactAccess.artefact(id, caller, Access.Mode.READ).chain(artefact -> versions.find(id, n)
                .chain(version -> {
                    if (version == null) {
                        throw ApiException.notFound("version " + n + " of artefact " + id);
                    }
                    return contents.find(id, n).map(content -> views.version(artefact, version, content.content));
                }));
    }

    /**
     * The rows first (versions, contents and exports by cascade), with a sweep of the prefix committed alongside
     * in case this process dies before the objects are gone; then every object under the artefact's prefix.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withSession(() -> artefactAccess.artefact(id, caller, Access.Mode.WRITE))
                .chain(artefact -> {
                    String prefix = StoragePaths.artefactPrefix(artefact.sessionId, artefact.roomId, artefact.id);
                    return audit.transaction(() -> artefacts.delete("id", id)
                            .chain(() -> sweeps.prefixAfterUploadUrls(prefix))
                            .chain(() -> live.add(artefact.sessionId, LiveEventKind.ARTEFACT_DELETED,
                                    new LiveChanges.ArtefactRemoved(artefact.id, artefact.sessionId,
                                            artefact.roomId))))
                            .chain(() -> objects.deletePrefix(Buckets.USER_UPLOADS, prefix));
                })
                .replaceWithVoid();
    }

    private Uni<Map<UUID, ArtefactVersion>> latestOf(List<Artefact> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return versions.latestOf(rows.stream().map(a -> a.id).toList())
                .map(list -> list.stream().collect(Collectors.toMap(v -> v.artefactId, Function.identity())));
    }

    private static Integer versionCursor(String cursor) {
        Cursor decoded = Cursor.decode(cursor, 1);
        if (decoded == null) {
            return null;
        }
        try {
            return Integer.parseInt(decoded.parts().get(0));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a UUID");
        }
    }
}
