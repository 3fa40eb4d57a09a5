package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;

import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SVG drawings, artefact requests and looks into S3 and PostgreSQL, for the artefact tests. */
final class ArtefactTestSupport {

    private ArtefactTestSupport() {
    }

    /** A small floor plan: a room outline, a door and a label, distinct per {@code label}. */
    static String plan(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 300\" width=\"400\" height=\"300\">"
                + "<rect x=\"10\" y=\"10\" width=\"380\" height=\"280\" fill=\"none\" stroke=\"#333\"/>"
                + "<path d=\"M 150 290 A 40 40 0 0 1 190 250\" stroke=\"#333\" fill=\"none\"/>"
                + "<text x=\"40\" y=\"60\">" + label + "</text></svg>";
    }

    /** A plan of {@code walls} path elements: large, and repetitive enough to compress well. */
    static String largePlan(int walls) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4000 4000\">");
        for (int i = 0; i < walls; i++) {
            svg.append("<path d=\"M ").append(i % 4000).append(" 0 L ").append(i % 4000)
                    .append(" 4000\" stroke=\"#000\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    static Map<String, Object> create(String title, String content, String roomId) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "floorplan", "title", title, "content", content,
                "message", "first draft"));
        if (roomId != null) {
            body.put("roomId", roomId);
        }
        return body;
    }

    /** A floor plan of the session (in the room when one is given): answers its id. */
    static String createPlan(String user, String sessionId, String roomId) {
        return as(user).body(create("Ground floor", plan("Kitchen"), roomId))
                .post("/sessions/" + sessionId + "/artefacts").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response edit(String user, String artefactId, int base, String content) {
        return as(user).body(Map.of("content", content, "baseVersion", base, "message", "edit on " + base))
                .put("/artefacts/" + artefactId);
    }

    static List<String> objectsUnder(ObjectStore objects, String prefix) {
        return objects.list(Buckets.USER_UPLOADS, prefix).await().atMost(Duration.ofSeconds(30));
    }

    static void put(ObjectStore objects, String key, byte[] bytes, String contentType) {
        objects.put(Buckets.USER_UPLOADS, key, bytes, contentType).await().atMost(Duration.ofSeconds(30));
    }

    /** One value of a native query, in its own session. */
    static Object sql(String query, Map<String, Object> parameters) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> {
                        var q = s.createNativeQuery(query);
                        parameters.forEach(q::setParameter);
                        return q.getResultList().map(rows -> rows.isEmpty() ? null : rows.get(0));
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(query, e);
        }
    }

    static int update(String statement, Map<String, Object> parameters) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> {
                        var q = s.createNativeQuery(statement);
                        parameters.forEach(q::setParameter);
                        return q.executeUpdate();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
