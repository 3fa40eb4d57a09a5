package com.renovation.media.documents.service;

import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.StoragePaths;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a document.requested must be before anything of it is recorded or read: whole, about the document its
 * envelope names, and, for a room report, naming only images of that room. A forged request naming another
 * session's photos is refused here (dead-lettered), so no PDF can carry them.
 */
public final class DocumentRequestCheck {

    /** One segment of a key asset-service makes: safe filename characters, never starting with a dot. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private DocumentRequestCheck() {
    }

    /** @throws PermanentEventFailure naming the first inconsistency */
    public static void check(Event<DocumentRequested> event) {
        DocumentRequested request = event.data();
        if (request.documentId() == null || request.sessionId() == null) {
            throw refused("documentId and sessionId are required");
        }
        if (!request.documentId().toString().equals(event.subject())) {
            throw refused("the envelope's subject is not the document " + request.documentId());
        }
        // an unknown type, or content not of its type, never gets this far: the event is not read at all
        if (request.documentType() == null || request.version() < 1 || isBlank(request.title())
                || isBlank(request.ownerId()) || request.content() == null) {
            throw refused("documentType, version, title, ownerId or content is missing or invalid");
        }
        if (request.content() instanceof RoomReport report) {
            if (request.roomId() == null) {
                throw refused("a room report names no room");
            }
            for (RoomReport.Image image : report.imageList()) {
                for (RoomReport.StoredObject object : new RoomReport.StoredObject[] {image.original(), image.variant()}) {
                    String key = object == null ? null : object.key();
                    if (key != null && !imageKeyWithin(request.sessionId(), request.roomId(), key)) {
                        throw refused("image key " + key + " is not an object of room " + request.roomId()
                                + " of session " + request.sessionId());
                    }
                }
            }
        }
    }

    /**
     * Whether the key is a plain key under {@code session_{s}/room_{r}/}: no empty, "." or ".." segment and
     * only the characters asset-service puts in keys, so no store can resolve it to another folder.
     */
    public static boolean imageKeyWithin(UUID sessionId, UUID roomId, String key) {
        String prefix = StoragePaths.roomPrefix(sessionId, roomId);
        if (key == null || !key.startsWith(prefix) || key.length() == prefix.length()) {
            return false;
        }
        for (String segment : key.substring(prefix.length()).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static PermanentEventFailure refused(String reason) {
        return new PermanentEventFailure("document.requested refused: " + reason);
    }
}
