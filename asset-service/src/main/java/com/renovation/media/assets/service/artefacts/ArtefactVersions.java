package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.repository.Artefact;
import com.renovation.media.assets.repository.ArtefactContent;
import com.renovation.media.assets.repository.ArtefactContentRepository;
import com.renovation.media.assets.repository.ArtefactRepository;
import com.renovation.media.assets.repository.ArtefactVersion;
import com.renovation.media.assets.repository.ArtefactVersionRepository;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.rest.dto.ArtefactRequests.CreateArtefact;
import com.renovation.media.assets.rest.dto.ArtefactRequests.EditArtefact;
import com.renovation.media.assets.rest.dto.ArtefactView;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.plans.Plans;
import com.renovation.media.assets.service.plans.Quotas;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.payload.ArtefactVersionCreated;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Every new version of an artefact — its first, an edit, a restore — goes through {@link #save}: the sanitised
 * SVG is put in S3 first (never inside a transaction), then one transaction locks the artefact, checks that the
 * version the editor started from is still the latest, records the version, drops what the owner's plan no
 * longer keeps and announces the version to document-service. Whatever fails after the put deletes the object
 * again; the dropped versions' objects go after the commit.
 */
@ApplicationScoped
public class ArtefactVersions {

    private static final Logger LOG = Logger.getLogger(ArtefactVersions.class);

    /** A version ready to be saved: the artefact (new or as the editor saw it) and what the version holds. */
    private record Draft(Artefact artefact, boolean first, int base, SvgContent.Sanitised content, String author,
            String message, Integer restoredFrom, String title) {

        int version() {
            return base + 1;
        }
    }

    /** What a committed save answers, and the objects of the versions it dropped. */
    private record Saved(ArtefactView view, List<String> droppedObjects) {
    }

    private final ArtefactRepository artefacts;
    private final ArtefactVersionRepository versions;
    private final ArtefactContentRepository contents;
    private final ArtefactAccess artefactAccess;
    private final Access access;
    private final SvgContent svg;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final LiveEvents live;
    private final AuditActor audit;
    private final Plans plans;
    private final Quotas quotas;
    private final ArtefactViews views;

    public ArtefactVersions(ArtefactRepository artefacts, ArtefactVersionRepository versions,
            ArtefactContentRepository contents, ArtefactAccess artefactAccess, Access access, SvgContent svg,
            ObjectStore objects, Outbox outbox, LiveEvents live, AuditActor audit, Plans plans, Quotas quotas,
            ArtefactViews views) {
        this.artefacts = artefacts;
        this.versions = versions;
        this.contents = contents;
        this.artefactAccess = artefactAccess;
        this.access = access;
        this.svg = svg;
        this.objects = objects;
        this.outbox = outbox;
        this.live = live;
        this.audit = audit;
        this.plans = plans;
        this.quotas = quotas;
        this.views = views;
    }

    public Uni<ArtefactView> create(Caller caller, UUID sessionId, CreateArtefact request) {
        return svg.sanitise(request.content()).chain(content -> Panache.withSession(() -> access
                .session(sessionId, caller, Access.Mode.WRITE)
                .call(session -> checkRoom(caller, session, request.roomId()))
                .map(session -> {
                    Artefact artefact = new Artefact();
                    artefact.id = UUID.randomUUID();
                    artefact.sessionId = session.id;
                    artefact.roomId = request.roomId();
                    artefact.ownerId = session.ownerId;
                    artefact.kind = request.kind();
                    artefact.title = request.title().strip();
                    artefact.latestVersion = 1;
                    artefact.createdAt = Instant.now();
                    artefact.updatedAt = artefact.createdAt;
                    return new Draft(artefact, true, 0, content, caller.userId(), message(request.message()), null,
                            artefact.title);
                })))
                .chain(draft -> save(caller, draft));
    }

    /** 409 at once when {@code baseVersion} is stale already; the transaction checks again under the lock. */
    public Uni<ArtefactView> edit(Caller caller, UUID id, EditArtefact request) {
        String title = request.title() == null ? null : request.title().strip();
        if (title != null && title.isEmpty()) {
            throw ApiException.invalid("title", "must not be blank");
        }
        return svg.sanitise(request.content()).chain(content -> Panache.withSession(() -> artefactAccess
                .artefact(id, caller, Access.Mode.WRITE)
                .map(artefact -> {
                    checkBase(artefact, request.baseVersion());
                    return new Draft(artefact, false, request.baseVersion(), content, caller.userId(),
                            message(request.message()), null, title);
                })))
                .chain(draft -> save(caller, draft));
    }

    /** A new version whose content is version {@code n}'s (stored sanitised already, so taken as it is). */
    public Uni<ArtefactView> restore(Caller caller, UUID id, int n, String message) {
        return Panache.withSession(() -> artefactAccess.artefact(id, caller, Access.Mode.WRITE)
                .chain(artefact -> versions.find(id, n).chain(version -> {
                    if (version == null) {
                        throw ApiException.notFound("version " + n + " of artefact " + id);
                    }
                    return contents.find(id, n).map(content -> {
                        byte[] bytes = content.content.getBytes(StandardCharsets.UTF_8);
                        return new Draft(artefact, false, artefact.latestVersion,
                                new SvgContent.Sanitised(content.content, bytes, version.sha256), caller.userId(),
                                message == null || message.isBlank() ? "Restored version " + n : message.strip(), n,
                                null);
                    });
                })))
                .chain(draft -> save(caller, draft));
    }

    private Uni<ArtefactView> save(Caller caller, Draft draft) {
        Artefact artefact = draft.artefact();
        String key = StoragePaths.newArtefactSourceKey(artefact.sessionId, artefact.roomId, artefact.id,
                draft.version());
        return objects.put(Buckets.USER_UPLOADS, key, draft.content().bytes(), ExportFormat.SVG.contentType())
                .chain(() -> audit.transaction(() -> record(caller, draft, key)))
                .onFailure().call(() -> objects.delete(Buckets.USER_UPLOADS, key).onFailure().invoke(e -> LOG.warnf(
                        "source %s of a version that was not recorded stays: %s", key, e.getMessage()))
                        .onFailure().recoverWithNull())
                .call(saved -> deleteQuietly(saved.droppedObjects()))
                .map(Saved::view);
    }

    private Uni<Saved> record(Caller caller, Draft draft, String key) {
        Uni<Artefact> locked = draft.first()
                ? artefacts.persist(draft.artefact())
                : artefacts.lock(draft.artefact().id).invoke(artefact -> {
                    if (artefact == null) {
                        throw ApiException.notFound("artefact " + draft.artefact().id);
                    }
                    checkBase(artefact, draft.base());
                });
        return locked.chain(artefact -> plans.ofCaller(caller).chain(effective -> quotas
                .reserveStorage(artefact.ownerId, effective.plan(), draft.content().bytes().length)
                .chain(() -> {
                    ArtefactVersion version = version(artefact, draft, key);
                    artefact.latestVersion = version.version;
                    artefact.updatedAt = version.createdAt;
                    if (draft.title() != null) {
                        artefact.title = draft.title();
                    }
                    OptionalInt kept = plans.limits(effective.plan()).documentVersions();
                    int dropUpTo = kept.isPresent() ? version.version - kept.getAsInt() : 0;
                    return versions.persist(version)
                            .call(() -> contents.persist(ArtefactContent.of(artefact.id, version.version,
                                    draft.content().text())))
                            .chain(() -> dropUpTo < 1 ? Uni.createFrom().item(List.<ArtefactVersion>of())
                                    : versions.upTo(artefact.id, dropUpTo))
                            .call(dropped -> dropped.isEmpty() ? Uni.createFrom().voidItem()
                                    : versions.delete("artefactId = ?1 and version <= ?2", artefact.id, dropUpTo))
                            .call(() -> outbox.add(new ArtefactVersionCreated(artefact.id, artefact.sessionId,
                                    artefact.roomId, artefact.ownerId, artefact.kind, artefact.title,
                                    version.version, Buckets.USER_UPLOADS, key)))
                            .call(() -> live.add(artefact.sessionId, LiveEventKind.ARTEFACT_CHANGED,
                                    new LiveChanges.ArtefactChange(artefact.id, artefact.sessionId,
                                            artefact.roomId, version.version, version.thumbnailStatus)))
                            .map(dropped -> new Saved(views.artefact(artefact, version),
                                    objectsOf(artefact, dropped)));
                })));
    }

    private static ArtefactVersion version(Artefact artefact, Draft draft, String key) {
        ArtefactVersion version = new ArtefactVersion();
        version.artefactId = artefact.id;
        version.version = draft.version();
        version.ownerId = artefact.ownerId;
        version.author = draft.author();
        version.message = draft.message();
        version.contentBytes = draft.content().bytes().length;
        version.sha256 = draft.content().sha256();
        version.restoredFrom = draft.restoredFrom();
        version.sourceKey = key;
        version.thumbnailStatus = RenderStatus.PENDING;
        version.createdAt = Instant.now();
        return version;
    }

    /** A dropped version's source and its thumbnail's key (made or still to come: a late one is deleted then). */
    private static List<String> objectsOf(Artefact artefact, List<ArtefactVersion> dropped) {
        return dropped.stream().flatMap(v -> Stream.of(v.sourceKey,
                StoragePaths.artefactThumbnailKey(artefact.sessionId, artefact.roomId, artefact.id, v.version)))
                .toList();
    }

    private Uni<Void> deleteQuietly(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // the versions are gone already; an object left here goes with the artefact's prefix
        return objects.deleteAll(Buckets.USER_UPLOADS, keys).onFailure().invoke(e -> LOG.warnf(
                "objects of dropped artefact versions stay until the artefact is erased: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private static void checkBase(Artefact artefact, int base) {
        if (artefact.latestVersion != base) {
            throw ApiException.withMembers(ProblemKind.CONFLICT, "version " + artefact.latestVersion
                    + " is the latest; this edit was based on " + base, Map.of("latestVersion",
                            artefact.latestVersion));
        }
    }

    private Uni<Void> checkRoom(Caller caller, Session session, UUID roomId) {
        if (roomId == null) {
            return Uni.createFrom().voidItem();
        }
        return access.room(roomId, caller, Access.Mode.WRITE).invoke(found -> {
            if (!found.room().sessionId.equals(session.id)) {
                throw ApiException.invalid("roomId", "must be a room of this session");
            }
        }).replaceWithVoid();
    }

    private static String message(String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }
}
