package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.assets.repository.DocumentArtifactRepository;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.rest.dto.DocumentContentView;
import com.renovation.media.assets.rest.dto.DocumentRequests;
import com.renovation.media.assets.rest.dto.DocumentRequests.CreateDocument;
import com.renovation.media.assets.rest.dto.DocumentRequests.DocumentAccepted;
import com.renovation.media.assets.rest.dto.DocumentRequests.RestoreDocument;
import com.renovation.media.assets.rest.dto.DocumentView;
import com.renovation.media.assets.service.plans.Plans;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.GeneratedBy;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Document requests, restores and the document projection. A request is checked (content against its type, the
 * room against the session and the caller), numbered within its lineage — the same session, room and type — under
 * a lock, recorded as {@code pending} with its author and message, and announced with {@code document.requested}
 * in one transaction. A restore is a request whose content is an older version's.
 */
@AuditedChanges
@ApplicationScoped
public class DocumentService {

    private final DocumentArtifactRepository documents;
    private final DocumentRoomSnapshot snapshots;
    private final Access access;
    private final Outbox outbox;
    private final PresignedUrls urls;
    private final DocumentContentRules rules;
    private final Plans plans;

    public DocumentService(DocumentArtifactRepository documents, DocumentRoomSnapshot snapshots, Access access,
            Outbox outbox, PresignedUrls urls, DocumentLimits limits, Validator validator, Plans plans) {
        this.plans = plans;
        this.documents = documents;
        this.snapshots = snapshots;
        this.access = access;
        this.outbox = outbox;
        this.urls = urls;
        this.rules = new DocumentContentRules(limits.maxItems(), validator);
    }

    @WithTransaction
    public Uni<DocumentAccepted> request(Caller caller, UUID sessionId, CreateDocument request) {
        DocumentType type = DocumentType.of(request.documentType()); // known: the request passed validation
        DocumentContent content = rules.normalize(type, request.content());
        boolean report = type == DocumentType.ROOM_REPORT;
        if (report && request.roomId() == null) {
            throw ApiException.invalid("roomId", "is required for a room report");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw ApiException.invalid("expiresAt", "must be in the future");
        }
        GeneratedBy generatedBy = generatedBy(caller, request);
        return access.session(sessionId, caller, Access.Mode.WRITE)
                .chain(session -> room(caller, session, request.roomId())
                        .chain(room -> report ? snapshots.of(session, room, (RoomReport) content)
                                : Uni.createFrom().<DocumentContent>item(content))
                        .chain(finalContent -> plans.ofCaller(caller).chain(effective -> record(session,
                                request.roomId(), type, versions -> new NewVersion(request.phase(),
                                        request.title().strip(), request.expiresAt(), generatedBy,
                                        request.generationPrompt(), caller.userId(), message(request.message()),
                                        null, finalContent),
                                plans.limits(effective.plan()).documentVersions()))));
    }

    /**
     * A new version at the head of the document's lineage with the content of its version {@code n}, as that
     * version had it (a room report keeps the snapshot taken then), rendered again. It is numbered, announced and
     * pruned to the owner's plan exactly as a request is. The version is looked up once the lineage is locked, so
     * a concurrent request cannot prune it between the check and the copy.
     */
    @WithTransaction
    public Uni<DocumentAccepted> restore(Caller caller, UUID id, RestoreDocument request) {
        int n = request.version();
        String message = Objects.requireNonNullElse(message(request.message()), "Restored version " + n);
        return readable(caller, id)
                .chain(document -> access.session(document.sessionId, caller, Access.Mode.WRITE)
                        .chain(session -> plans.ofCaller(caller).chain(effective -> record(session, document.roomId,
                                document.documentType, versions -> restoring(versions, n, caller.userId(), message),
                                plans.limits(effective.plan()).documentVersions()))));
    }

    /**
     * Version {@code n} of the locked lineage taken back as it was — title, phase, who wrote the content and the
     * content — by {@code author}; no expiry, as it is asked for anew. 400 naming the versions kept if n is not one.
     */
    private static NewVersion restoring(List<DocumentArtifact> versions, int n, String author, String message) {
        DocumentArtifact source = versions.stream().filter(v -> v.version == n).findFirst()
                .orElseThrow(() -> ApiException.invalid("version", "version " + n + " is not kept; the versions kept"
                        + " are " + versions.stream().map(v -> String.valueOf(v.version))
                                .collect(Collectors.joining(", "))));
        return new NewVersion(source.phase, source.title, null, source.generatedBy, source.generationPrompt, author,
                message, n, content(source));
    }

    /** A version's typed content; 409 for a version recorded before documents kept theirs. */
    private static DocumentContent content(DocumentArtifact version) {
        if (version.content == null) {
            throw new ApiException(ProblemKind.CONFLICT, "version " + version.version
                    + " was recorded before documents kept their content; its content is not known");
        }
        return DocumentContents.fromJson(version.documentType, version.content);
    }

    /** A version's note, or none when it is only whitespace. */
    private static String message(String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }

    /** Who wrote the content: system unless said; admin only from an admin; a prompt only with ai. */
    private static GeneratedBy generatedBy(Caller caller, CreateDocument request) {
        GeneratedBy by = request.generatedBy() == null ? GeneratedBy.SYSTEM : request.generatedBy();
        if (by == GeneratedBy.ADMIN && !caller.admin()) {
            throw new ApiException(ProblemKind.FORBIDDEN, "only an admin may record a document as written by admin");
        }
        if (request.generationPrompt() != null && by != GeneratedBy.AI) {
            throw ApiException.invalid("generationPrompt", "goes only with \"generatedBy\": \"ai\"");
        }
        return by;
    }

    private Uni<Room> room(Caller caller, Session session, UUID roomId) {
        if (roomId == null) {
            return Uni.createFrom().nullItem();
        }
        return access.room(roomId, caller, Access.Mode.WRITE).map(found -> {
            if (!found.room().sessionId.equals(session.id)) {
                throw ApiException.invalid("roomId", "must be a room of this session");
            }
            return found.room();
        });
    }

    /**
     * What a new version is made of besides its place in the lineage. {@code restoredFromVersion}: the version
     * whose content it takes back, null for a request; an expiry is a request's only.
     */
    private record NewVersion(String phase, String title, Instant expiresAt, GeneratedBy generatedBy,
            String generationPrompt, String author, String message, Integer restoredFromVersion,
            DocumentContent content) {
    }

    /**
     * The one path that numbers a new version of a lineage (session, room, type), for requests and restores: the
     * lineage is locked, read newest first and handed to {@code next}, and the version it describes is recorded
     * as the head. With a plan that keeps only {@code kept} versions, the lineage's versions that fall out are
     * dropped from the projection here; document-service drops their rows and PDFs when it takes the request.
     */
    private Uni<DocumentAccepted> record(Session session, UUID roomId, DocumentType type,
            Function<List<DocumentArtifact>, NewVersion> next, OptionalInt kept) {
        return documents.lockLineage(session.id, roomId, type)
                .chain(() -> documents.lineage(session.id, roomId, type))
                .chain(versions -> {
                    NewVersion described = next.apply(versions);
                    DocumentArtifact previous = versions.isEmpty() ? null : versions.get(0);
                    DocumentArtifact row = new DocumentArtifact();
                    row.id = UUID.randomUUID();
                    row.sessionId = session.id;
                    row.roomId = roomId;
                    row.documentType = type;
                    row.phase = described.phase();
                    row.title = described.title();
                    row.version = previous == null ? 1 : previous.version + 1;
                    row.previousVersionId = previous == null ? null : previous.id;
                    row.status = DocumentStatus.PENDING;
                    row.createdAt = Instant.now();
                    row.updatedAt = row.createdAt;
                    row.expiresAt = described.expiresAt();
                    row.content = DocumentContents.toJson(described.content());
                    row.generatedBy = described.generatedBy();
                    row.generationPrompt = described.generationPrompt();
                    row.author = described.author();
                    row.message = described.message();
                    row.restoredFromVersion = described.restoredFromVersion();
                    List<UUID> dropped = kept.isEmpty() ? List.of() : versions.stream()
                            .filter(v -> v.version <= row.version - kept.getAsInt()).map(v -> v.id).toList();
                    return documents.persist(row)
                            .call(() -> dropped.isEmpty() ? Uni.createFrom().voidItem()
                                    : documents.delete("id in ?1", dropped))
                            .call(() -> outbox.add(requested(row, session.ownerId, described.content(),
                                    kept.isPresent() ? kept.getAsInt() : null)))
                            .map(saved -> new DocumentAccepted(row.id, row.status, row.version));
                });
    }

    /**
     * What announces a recorded request to document-service: the row as recorded, the owner, the content to lay
     * out, and how many versions of the lineage the owner's plan keeps (null: all).
     */
    public static DocumentRequested requested(DocumentArtifact row, String ownerId, DocumentContent content,
            Integer versionsKept) {
        return new DocumentRequested(row.id, row.sessionId, row.roomId, ownerId, row.documentType, row.phase,
                row.version, row.previousVersionId, row.title, content,
                row.expiresAt == null ? null : row.expiresAt.toString(), row.generatedBy, row.generationPrompt,
                versionsKept);
    }

    @WithSession
    public Uni<DocumentView> get(Caller caller, UUID id) {
        return readable(caller, id).chain(document -> documents
                .lineage(document.sessionId, document.roomId, document.documentType)
                .map(versions -> view(document, versions.get(0).id.equals(document.id))));
    }

    /** Every version of the document's lineage, newest (the current one) first. */
    @WithSession
    public Uni<List<DocumentView>> versions(Caller caller, UUID id) {
        return readable(caller, id).chain(document -> documents
                .lineage(document.sessionId, document.roomId, document.documentType)
                .map(versions -> versions.stream().map(v -> view(v, v == versions.get(0))).toList()));
    }

    /** The typed content of one version, as its request carried it; 409 for a version without it. */
    @WithSession
    public Uni<DocumentContentView> content(Caller caller, UUID id) {
        return readable(caller, id).map(document -> new DocumentContentView(document.id, document.documentType,
                document.version, DocumentContents.toJson(content(document))));
    }

    @WithSession
    public Uni<Page<DocumentView>> list(Caller caller, UUID sessionId, String phase, String type, String cursor,
            int limit) {
        if (phase != null && !phase.matches(DocumentRequests.PHASE)) {
            throw ApiException.invalid("phase", DocumentRequests.PHASE_MESSAGE);
        }
        DocumentType documentType = type == null ? null : DocumentType.find(type).orElseThrow(
                () -> ApiException.invalid("type", "must be one of " + DocumentType.allValues()));
        return access.session(sessionId, caller, Access.Mode.READ)
                .chain(session -> documents.newestVersions(sessionId))
                .chain(newest -> {
                    Map<String, Integer> current = new HashMap<>();
                    newest.forEach(row -> current.put(lineageKey((UUID) row[0], (DocumentType) row[1]),
                            ((Number) row[2]).intValue()));
                    return documents.pageOfSession(sessionId, phase, documentType, SortKey.decode(cursor), limit + 1)
                            .map(rows -> Page.of(rows, limit, d -> new SortKey(0, d.createdAt, d.id).encode(),
                                    d -> view(d, Objects.equals(current.get(lineageKey(d.roomId, d.documentType)),
                                            d.version))));
                });
    }

    private Uni<DocumentArtifact> readable(Caller caller, UUID id) {
        return documents.findById(id).call(document -> {
            if (document == null) {
                throw ApiException.notFound("document " + id);
            }
            return access.session(document.sessionId, caller, Access.Mode.READ)
                    .onFailure(ApiException.class).transform(e -> ApiException.notFound("document " + id));
        });
    }

    private DocumentView view(DocumentArtifact document, boolean current) {
        if (document.status != DocumentStatus.READY || document.storagePath == null) {
            return DocumentView.of(document, current, null, null);
        }
        PresignedUrls.SignedUrl url = urls.download(document.bucket, document.storagePath,
                document.documentType.value() + "_v" + document.version + ".pdf", FileType.PDF.contentType());
        return DocumentView.of(document, current, url.url(), url.expiresAt());
    }

    private static String lineageKey(UUID roomId, DocumentType documentType) {
        return roomId + "/" + documentType.value();
    }
}
