package com.renovation.media.documents;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.storage.layout.StoragePaths;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Requests as asset-service makes them, and waits for what document-service answers. */
final class TestDocuments {

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String OWNER = "user-1";

    private TestDocuments() {
    }

    /** JSON written with single quotes, for readability in tests. */
    static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Content of the type written as JSON with single quotes, read as asset-service's event is read. */
    static DocumentContent content(DocumentType type, String text) {
        return content(type, json(text));
    }

    static DocumentContent content(DocumentType type, JsonNode json) {
        try {
            return EventJson.MAPPER.treeToValue(json, type.contentClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The asset id a test names with a letter, as the UUID a snapshot carries. */
    static UUID asset(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static DocumentRequested checklist(UUID session, UUID room, String title) {
        return new DocumentRequested(UUID.randomUUID(), session, room, OWNER, DocumentType.CHECKLIST, "design", 1,
                null, title, content(DocumentType.CHECKLIST, "{'items':[{'text':'" + title + "','done':false}]}"),
                null, null, null, null);
    }

    /** A room report of the given images (each from {@link #image}). */
    static DocumentRequested report(UUID session, UUID room, String title, List<String> images) {
        return new DocumentRequested(UUID.randomUUID(), session, room, OWNER, DocumentType.ROOM_REPORT, "design", 1,
                null, title, content(DocumentType.ROOM_REPORT, "{'room':{'id':'" + room + "','name':'" + title
                        + "','roomType':'kitchen'},'images':[" + String.join(",", images) + "],'comparisons':[]}"),
                null, null, null, null);
    }

    /** One image of a room report's content, as asset-service's snapshot writes it; see {@link #asset}. */
    static String image(String assetName, String original, String variant, String caption) {
        return "{'assetId':'" + asset(assetName) + "','assetType':'photo','caption':'" + caption + "','altText':'" + caption
                + "','original':{'key':'" + original + "','contentType':'image/jpeg'}"
                + (variant == null ? ",'variant':null" : ",'variant':{'key':'" + variant + "','contentType':'image/jpeg'}")
                + "}";
    }

    /** The folder of a room's photos, as asset-service lays it out. */
    static String photos(UUID session, UUID room) {
        return StoragePaths.sessionPrefix(session) + "room_" + room + "/photos/";
    }

    /** Waits for the document's outcome event on the topic and answers its data. */
    static JsonNode outcome(UUID documentId, String topic) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<JsonNode> events = Engines.events(topic, documentId.toString());
            found[0] = events.isEmpty() ? null : events.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits until this service recorded the event (from the envelope {@link Engines#publish} answered). */
    static void awaitProcessed(String envelope) {
        UUID id = EventJson.read(envelope).id();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                Engines.count("SELECT count(*) FROM documents.processed_events WHERE event_id = ?", id) > 0);
    }
}
