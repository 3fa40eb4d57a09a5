package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.testing.PresignedPut;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A client's upload of a video: a ticket in parts, each part PUT to its own URL, then confirm. */
final class VideoTestSupport {

    private VideoTestSupport() {
    }

    static Response request(String user, String roomId, String filename, String contentType, long size,
            Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", roomId, "assetType", "video", "filename", filename,
                "contentType", contentType, "size", size));
        body.putAll(extra);
        return as(user).body(body).post("/assets/uploads");
    }

    /** Requests, sends every part and answers the ticket; confirm is the caller's. */
    static Response send(String user, String roomId, String filename, String contentType, byte[] bytes) {
        Response ticket = request(user, roomId, filename, contentType, bytes.length, Map.of());
        ticket.then().statusCode(201);
        long partSize = ticket.<Number>path("partSize").longValue();
        for (Map<String, Object> part : ticket.<List<Map<String, Object>>>path("parts")) {
            int number = (Integer) part.get("partNumber");
            int from = (int) ((number - 1) * partSize);
            byte[] slice = Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, from + partSize));
            PresignedPut.Answer answer = PresignedPut.send((String) part.get("url"), headers(part), slice);
            assertThat(answer.status()).as("PUT of part %s", number).isEqualTo(200);
        }
        return ticket;
    }

    /** Request, parts and confirm: answers the confirmed video's id. */
    static String upload(String user, String roomId, String filename, String contentType, byte[] bytes) {
        String assetId = send(user, roomId, filename, contentType, bytes).path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(200);
        return assetId;
    }

    /** The headers a part's URL is signed with, less the length the HTTP client sets itself. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> part) {
        Map<String, String> headers = new HashMap<>((Map<String, String>) part.get("headers"));
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-length"));
        return headers;
    }
}
