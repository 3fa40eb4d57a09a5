package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.assets.repository.DocumentArtifactRepository;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.rest.dto.DocumentRequests;
import com.renovation.media.assets.rest.dto.DocumentRequests.CreateDocument;
import com.renovation.media.assets.rest.dto.DocumentRequests.DocumentAccepted;
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

/**
 * Document requests and the document projection. A request is checked (content against its type, the room
 * against the session and the caller), numbered within its lineage — the same session, room and type — under
 * a lock, recorded as {@code pending} and announced with {@code document.requested} in one transaction.
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
                        .chain(finalContent -> plans.ofCaller(caller).chain(effective -> record(session, request,
                                type, generatedBy, finalContent, plans.limits(effective.plan()).documentVersions()))));
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
     * With a plan that keeps only {@code kept} versions, the lineage's versions that fall out are dropped from the
     * projection here; document-service drops their rows and PDFs when it takes the request.
     */
    private Uni<DocumentAccepted> record(Session session, CreateDocument request, DocumentType type,
            GeneratedBy generatedBy, DocumentContent content, OptionalInt kept) {
        return documents.lockLineage(session.id, request.roomId(), type)
                .chain(() -> documents.lineage(session.id, request.roomId(), type))
                .chain(versions -> {
                    DocumentArtifact previous = versions.isEmpty() ? null : versions.get(0);
                    DocumentArtifact row = new DocumentArtifact();
                    row.id = UUID.randomUUID();
                    row.sessionId = session.id;
                    row.roomId = request.roomId();
                    row.documentType = type;
                    row.phase = request.phase();
                    row.title = request.title().strip();
                    row.version = previous == null ? 1 : previous.version + 1;
                    row.previousVersionId = previous == null ? null : previous.id;
                    row.status = DocumentStatus.PENDING;
                    row.createdAt = Instant.now();
                    row.updatedAt = row.createdAt;
                    row.expiresAt = request.expiresAt();
                    row.content = DocumentContents.toJson(content);
                    row.generatedBy = generatedBy;
                    row.generationPrompt = request.generationPrompt();
                    List<UUID> dropped = kept.isEmpty() ? List.of() : versions.stream()
                            .filter(v -> v.version <= row.version - kept.getAsInt()).map(v -> v.id).toList();
                    return documents.persist(row)
                            .call(() -> dropped.isEmpty() ? Uni.createFrom().voidItem()
                                    : documents.delete("id in ?1", dropped))
                            .call(() -> outbox.add(requested(row, session.ownerId, content,
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
