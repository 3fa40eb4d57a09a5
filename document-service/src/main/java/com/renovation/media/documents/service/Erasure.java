package com.renovation.media.documents.service;

import com.renovation.media.documents.repository.DocumentArtifact;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.documents.repository.ErasureMarks;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.payload.RoomDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases the documents of a deleted session or room (GDPR), inside the consumer's transaction. Under the
 * session's lock it marks the session or room erased (a later request of it records nothing), locks the rows
 * (a render finishing meanwhile waits, then finds its row gone and deletes its own PDF), deletes the PDFs
 * those rows name, then the rows. Only keys of rows held here are deleted, each checked to lie under the
 * session's {@code artifacts/} folder: no key or prefix is taken from the event. An event that contradicts
 * the rows (another owner, a room of another session) is refused and goes to the dead-letter topic.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    private final DocumentArtifactRepository artifacts;
    private final ErasureMarks marks;
    private final ObjectStore objects;

    public Erasure(DocumentArtifactRepository artifacts, ErasureMarks marks, ObjectStore objects) {
        this.artifacts = artifacts;
        this.marks = marks;
        this.objects = objects;
    }

    public Uni<Void> eraseSession(Event<SessionDeleted> event) {
        SessionDeleted deleted = event.data();
        if (deleted.sessionId() == null || !deleted.sessionId().toString().equals(event.subject())) {
            throw new PermanentEventFailure("session.deleted refused: its subject is not its sessionId");
        }
        UUID session = deleted.sessionId();
        return marks.lockSession(session)
                .chain(() -> artifacts.lockOfSession(session))
                .invoke(rows -> requireOwner(rows, deleted.ownerId(), "session.deleted"))
                .call(() -> marks.markSession(session))
                .chain(rows -> remove(session, rows))
                .invoke(count -> LOG.infof("session %s erased: %d documents", session, count))
                .replaceWithVoid();
    }

    public Uni<Void> eraseRoom(Event<RoomDeleted> event) {
        RoomDeleted deleted = event.data();
        if (deleted.roomId() == null || deleted.sessionId() == null
                || !deleted.roomId().toString().equals(event.subject())) {
            throw new PermanentEventFailure("room.deleted refused: roomId, sessionId or subject is inconsistent");
        }
        UUID session = deleted.sessionId();
        return marks.lockSession(session)
                .chain(() -> artifacts.lockOfRoom(deleted.roomId()))
                .invoke(rows -> {
                    if (rows.stream().anyMatch(row -> !row.sessionId.equals(session))) {
                        throw new PermanentEventFailure("room.deleted refused: room " + deleted.roomId()
                                + " is not a room of session " + session);
                    }
                    requireOwner(rows, deleted.ownerId(), "room.deleted");
                })
                .call(() -> marks.markRoom(deleted.roomId(), session))
                .chain(rows -> remove(session, rows))
                .invoke(count -> LOG.infof("room %s erased: %d documents", deleted.roomId(), count))
                .replaceWithVoid();
    }

    private static void requireOwner(List<DocumentArtifact> rows, String ownerId, String type) {
        if (rows.stream().anyMatch(row -> !Objects.equals(row.ownerId, ownerId))) {
            throw new PermanentEventFailure(type + " refused: its ownerId is not the owner of the documents");
        }
    }

    /** The rows' PDFs, then the rows; answers how many documents went. */
    private Uni<Integer> remove(UUID session, List<DocumentArtifact> rows) {
        String folder = StoragePaths.documentPrefix(session);
        List<String> keys = rows.stream().map(row -> row.storagePath).filter(key -> {
            boolean inside = key != null && key.startsWith(folder) && !key.contains("..");
            if (!inside) {
                LOG.warnf("document key %s is not under %s: left alone", key, folder);
            }
            return inside;
        }).toList();
        return objects.deleteAll(Buckets.USER_UPLOADS, keys)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().item(0L)
                        : artifacts.delete("id in ?1", rows.stream().map(row -> row.id).toList()))
                .replaceWith(rows.size());
    }
}
