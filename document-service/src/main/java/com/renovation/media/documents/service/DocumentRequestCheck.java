package com.renovation.media.documents.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.StoragePaths;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a document.requested must be before anything of it is recorded or read: whole, about the document its
 * envelope names, and, for a room report, naming only images of that room. A forged request naming another
 * session's photos is refused here (dead-lettered), so no PDF can carry them.
 */
public final class DocumentRequestCheck {

    static final Set<String> TYPES = Set.of("checklist_pdf", "plan_pdf", "estimate_pdf", "room_report_pdf");
    static final String ROOM_REPORT = "room_report_pdf";
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
        if (!TYPES.contains(request.documentType())) {
            throw refused("unknown document type " + request.documentType());
        }
        if (request.version() < 1 || isBlank(request.title()) || isBlank(request.ownerId())
                || request.content() == null || !request.content().isObject()) {
            throw refused("version, title, ownerId or content is missing or invalid");
        }
        if (ROOM_REPORT.equals(request.documentType())) {
            if (request.roomId() == null) {
                throw refused("a room report names no room");
            }
            for (JsonNode image : request.content().path("images")) {
                for (String object : new String[] {"original", "variant"}) {
                    JsonNode key = image.path(object).path("key");
                    if (!key.isMissingNode() && !key.isNull()
                            && !imageKeyWithin(request.sessionId(), request.roomId(), key.asText())) {
                        throw refused("image key " + key.asText() + " is not an object of room " + request.roomId()
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
