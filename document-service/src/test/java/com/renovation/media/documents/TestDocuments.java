package com.renovation.media.documents;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.storage.layout.StoragePaths;
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

    static DocumentRequested checklist(UUID session, UUID room, String title) {
        return new DocumentRequested(UUID.randomUUID(), session, room, OWNER, "checklist_pdf", "design", 1, null,
                title, json("{'items':[{'text':'" + title + "','done':false}]}"), null);
    }

    /** A room report of the given images (each from {@link #image}). */
    static DocumentRequested report(UUID session, UUID room, String title, List<String> images) {
        return new DocumentRequested(UUID.randomUUID(), session, room, OWNER, "room_report_pdf", "design", 1, null,
                title, json("{'room':{'id':'" + room + "','name':'" + title + "','roomType':'kitchen'},'images':["
                        + String.join(",", images) + "],'comparisons':[]}"), null);
    }

    /** One image of a room report's content, as asset-service's snapshot writes it. */
    static String image(String assetId, String original, String variant, String caption) {
        return "{'assetId':'" + assetId + "','assetType':'photo','caption':'" + caption + "','altText':'" + caption
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
