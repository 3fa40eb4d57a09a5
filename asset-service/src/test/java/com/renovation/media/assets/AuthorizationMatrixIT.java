package com.renovation.media.assets;

import com.renovation.media.web.testing.OpenApiOperations;
import com.renovation.media.web.testing.OpenApiOperations.Operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the published OpenAPI document × {anonymous, another user, owner, admin}. The routes come
 * from /q/openapi, so a new endpoint fails this test until it is given fixtures and expectations here.
 */
@QuarkusTest
class AuthorizationMatrixIT {

    /**
     * The data a route acts on: one user's session, room, two assets, a comparison, a document, the first asset
     * saved in the library and an unlisted collection holding it.
     */
    record Fixture(String owner, String sessionId, String roomId, String assetId, String otherAssetId,
            String comparisonId, String documentId, String libraryItemId, String collectionId, String collectionSlug,
            String backupId) {

        static Fixture create() {
            String owner = TestSupport.newUser();
            List<String> ids = TestSupport.sessionWithRoom(owner);
            String asset = TestSupport.upload(owner, ids.get(1), "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
            String other = TestSupport.upload(owner, ids.get(1), "photo", "b.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
            String comparison = TestSupport.as(owner).body(Map.of("beforeAssetId", asset, "afterAssetId", other))
                    .post("/rooms/" + ids.get(1) + "/comparisons").then().statusCode(201).extract().path("id");
            String document = TestSupport.as(owner).body(checklist()).post("/sessions/" + ids.get(0) + "/documents")
                    .then().statusCode(202).extract().path("id");
            String item = TestSupport.as(owner).body(Map.of("assetId", asset)).post("/library/items")
                    .then().statusCode(201).extract().path("id");
            var collection = TestSupport.as(owner).body(Map.of("name", "Board", "visibility", "unlisted"))
                    .post("/collections").then().statusCode(201).extract();
            TestSupport.as(owner).body(Map.of("libraryItemId", item))
                    .post("/collections/" + collection.path("id") + "/items").then().statusCode(201);
            String backup = TestSupport.as(owner).post("/sessions/" + ids.get(0) + "/backups").then().statusCode(201)
                    .extract().path("id");
            return new Fixture(owner, ids.get(0), ids.get(1), asset, other, comparison, document, item,
                    collection.path("id"), collection.path("slug"), backup);
        }

        String path(String template) {
            String path = template.replace("{comparisonId}", comparisonId);
            if (template.startsWith("/sessions/{id}")) {
                return path.replace("{id}", sessionId);
            }
            if (template.startsWith("/rooms/{id}")) {
                return path.replace("{id}", roomId);
            }
            if (template.equals("/assets/{id}/review")) {
                return path.replace("{id}", render(this));
            }
            if (template.equals("/assets/{id}/parts")) {
                return path.replace("{id}", uploadInParts(this));
            }
            if (template.startsWith("/assets/{id}")) {
                return path.replace("{id}", assetId);
            }
            if (template.startsWith("/documents/{id}")) {
                return path.replace("{id}", documentId);
            }
            if (template.startsWith("/links/{id}")) {
                return path.replace("{id}", link(this).get(0));
            }
            if (template.startsWith("/d/{token}")) {
                return path.replace("{token}", link(this).get(1));
            }
            if (template.startsWith("/library/items/{id}")) {
                return path.replace("{id}", libraryItemId);
            }
            if (template.startsWith("/collections/{id}")) {
                return path.replace("{id}", collectionId).replace("{libraryItemId}", libraryItemId);
            }
            if (template.startsWith("/backups/{id}")) {
                return path.replace("{id}", backupId);
            }
            if (template.startsWith("/artefacts/{id}")) {
                return path.replace("{id}", artefact(this)).replace("{n}", "1");
            }
            if (template.startsWith("/exports/{id}")) {
                return path.replace("{id}", export(this));
            }
            if (template.startsWith("/admin/users/{sub}")) {
                return path.replace("{sub}", owner);
            }
            if (template.equals("/public/collections/{slug}")) {
                return path.replace("{slug}", collectionSlug);
            }
            if (path.contains("{")) {
                fail("no fixture for the path parameters of " + template + ": add one to AuthorizationMatrixIT");
            }
            return path;
        }
    }

    static Map<String, Object> checklist() {
        return Map.of("documentType", "checklist_pdf", "phase", "CHECKLIST", "title", "To do",
                "content", Map.of("items", List.of(Map.of("text", "Order tiles", "done", false))));
    }

    /** A valid body per operation that takes one. */
    private static final Map<String, Function<Fixture, Object>> BODIES = new HashMap<>(Map.of(
            "POST /sessions", f -> Map.of("title", "new"),
            "PATCH /sessions/{id}", f -> Map.of("title", "renamed"),
            "POST /sessions/{id}/rooms", f -> Map.of("name", "Bath", "roomType", "bathroom"),
            "PATCH /rooms/{id}", f -> Map.of("name", "Kitchen 2"),
            "POST /rooms/{id}/comparisons", f -> Map.of("beforeAssetId", f.otherAssetId(), "afterAssetId", f.assetId()),
            "POST /assets/uploads", f -> Map.of("roomId", f.roomId(), "assetType", "photo", "filename", "x.jpg",
                    "contentType", "image/jpeg", "size", 10),
            "PATCH /assets/{id}", f -> Map.of("caption", "changed"),
            "POST /sessions/{id}/documents", f -> checklist(),
            "POST /links", f -> Map.of("kind", "share", "assetIds", List.of(f.assetId()))));

    static {
        BODIES.put("POST /library/items", f -> Map.of("assetId", f.assetId()));
        BODIES.put("PATCH /library/items/{id}", f -> Map.of("favourite", true, "tags", List.of("kitchen")));
        BODIES.put("POST /collections", f -> Map.of("name", "Moodboard"));
        BODIES.put("PATCH /collections/{id}", f -> Map.of("name", "Renamed"));
        BODIES.put("POST /collections/{id}/items", f -> Map.of("libraryItemId", f.libraryItemId()));
        BODIES.put("PUT /collections/{id}/items/order", f -> Map.of("libraryItemIds", List.of(f.libraryItemId())));
        BODIES.put("POST /assets/{id}/review", f -> Map.of("decision", "submit"));
        BODIES.put("POST /assets/{id}/confirm", f -> Map.of());
        BODIES.put("POST /assets/{id}/parts", f -> Map.of("partNumbers", List.of(1)));
        BODIES.put("PUT /admin/users/{sub}/plan", f -> Map.of("plan", "enterprise"));
        BODIES.put("POST /documents/{id}/restore", f -> Map.of("version", 1, "message", "Back to the first"));
        BODIES.put("POST /sessions/{id}/artefacts", f -> ArtefactTestSupport.create("Plan",
                ArtefactTestSupport.plan("matrix"), f.roomId()));
        BODIES.put("PUT /artefacts/{id}", f -> Map.of("content", ArtefactTestSupport.plan("edited"), "baseVersion", 1));
        BODIES.put("POST /artefacts/{id}/versions/{n}/restore", f -> Map.of("message", "back"));
        BODIES.put("POST /artefacts/{id}/exports", f -> Map.of("format", "svg"));
    }

    /** A draft render in the fixture's room, made when a route first needs it (only renders are reviewed). */
    private static final Map<Fixture, String> RENDERS = new ConcurrentHashMap<>();

    static String render(Fixture fixture) {
        return RENDERS.computeIfAbsent(fixture, f -> RenderReviewIT.declare(f.owner(), f.roomId(), "render",
                Map.of()));
    }

    /** An upload in parts waiting for its bytes in the fixture's room, made when a route first needs it. */
    private static final Map<Fixture, String> UPLOADS_IN_PARTS = new ConcurrentHashMap<>();

    static String uploadInParts(Fixture fixture) {
        return UPLOADS_IN_PARTS.computeIfAbsent(fixture, f -> TestSupport.as(f.owner()).body(Map.of("roomId",
                        f.roomId(), "assetType", "document", "filename", "survey.pdf", "contentType", "application/pdf",
                        "size", 6 * 1024 * 1024, "multipart", true))
                .post("/assets/uploads").then().statusCode(201).extract().path("assetId"));
    }

    /** A floor plan in the fixture's room and an export of it, made when a route first needs them. */
    private static final Map<Fixture, String> ARTEFACTS = new ConcurrentHashMap<>();
    private static final Map<Fixture, String> EXPORTS = new ConcurrentHashMap<>();

    static String artefact(Fixture fixture) {
        return ARTEFACTS.computeIfAbsent(fixture, f -> ArtefactTestSupport.createPlan(f.owner(), f.sessionId(),
                f.roomId()));
    }

    static String export(Fixture fixture) {
        return EXPORTS.computeIfAbsent(fixture, f -> TestSupport.as(f.owner()).body(Map.of("format", "svg"))
                .post("/artefacts/" + artefact(f) + "/exports").then().statusCode(202).extract().path("id"));
    }

    /** Changes nothing of the owner's, so reading suffices and admins may call them too (an export). */
    private static final Set<String> READ_ACCESS_WRITES = Set.of("POST /artefacts/{id}/exports");

    /** Only admins may call these (a user's plan and usage): everyone else signed in gets 403. */
    private static final Set<String> ADMIN_ONLY = Set.of("GET /admin/users/{sub}/usage", "PUT /admin/users/{sub}/plan",
            "DELETE /admin/users/{sub}/plan");

    /** A share link of the fixture's asset, made when a route first needs it: its id and token. */
    private static final Map<Fixture, List<String>> LINKS = new ConcurrentHashMap<>();

    static List<String> link(Fixture fixture) {
        return LINKS.computeIfAbsent(fixture, f -> {
            var created = TestSupport.as(f.owner()).body(Map.of("kind", "share", "assetIds", List.of(f.assetId()),
                    "maxDownloads", 1000)).post("/links").then().statusCode(201).extract();
            return List.of(created.path("id"), created.path("token"));
        });
    }

    /**
     * Open to anyone, signed in or not, so every caller gets 200: a download link (the token in the path is the
     * permission) and shared collections (the fixture's is unlisted).
     */
    private static final Set<String> PUBLIC = Set.of("GET /d/{token}", "GET /public/collections",
            "GET /public/collections/{slug}");

    private static List<Operation> operations;
    private static Fixture shared;

    /** Once per class, but after Quarkus is up (RestAssured's port is set for instance methods only). */
    @BeforeEach
    void readOpenApi() {
        if (operations != null) {
            return;
        }
        operations = OpenApiOperations.published();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(17);
        shared = Fixture.create();
    }

    /** The live channel streams until its client leaves: the matrix reads its status, then hangs up. */
    private static final String STREAM = "GET /events";

    @TestHTTPResource("/")
    URI base;

    /** The operation's status for the caller of {@code token} (null: anonymous). */
    private int call(String token, Operation op, Fixture fixture) {
        if (op.key().equals(STREAM)) {
            try (SseTestClient stream = SseTestClient.open(base, token, null)) {
                return stream.status();
            }
        }
        RequestSpecification spec = token == null ? given() : given().auth().oauth2(token);
        return OpenApiOperations.call(spec, op, fixture.path(op.template()), BODIES, fixture).statusCode();
    }

    /** Routes that act on an existing resource (an id in the path or the body), not on the caller's own list. */
    private static boolean ownedResource(Operation op) {
        return op.template().contains("{") || op.template().equals("/assets/uploads") || op.key().equals("POST /links")
                || op.key().equals("POST /library/items");
    }

    @Test
    void anonymousCallersGet401OnEveryOperation() {
        for (Operation op : operations) {
            assertThat(call(null, op, shared)).as(op.key()).isEqualTo(PUBLIC.contains(op.key()) ? 200 : 401);
        }
    }

    @Test
    void anotherUserGets404OnEveryOwnedResourceAndChangesNothing() {
        String stranger = TestSupport.newUser();
        for (Operation op : operations) {
            int status = call(TestSupport.token(stranger), op, shared);
            if (PUBLIC.contains(op.key())) {
                assertThat(status).as(op.key()).isEqualTo(200);
            } else if (ADMIN_ONLY.contains(op.key())) {
                assertThat(status).as(op.key()).isEqualTo(403);
            } else if (ownedResource(op)) {
                assertThat(status).as(op.key()).isEqualTo(404);
            } else {
                assertThat(status).as(op.key() + " acts on the caller's own data").isBetween(200, 299);
            }
        }
        TestSupport.as(shared.owner()).get("/assets/" + shared.assetId()).then().statusCode(200);
        TestSupport.as(shared.owner()).get("/sessions/" + shared.sessionId()).then().statusCode(200);
    }

    @Test
    void anAdminReadsEveryOwnedResourceButChangesNone() {
        String admin = TestSupport.adminToken("admin-" + UUID.randomUUID());
        for (Operation op : operations) {
            int status = call(admin, op, shared);
            if (PUBLIC.contains(op.key())) {
                assertThat(status).as(op.key()).isEqualTo(200);
            } else if (ADMIN_ONLY.contains(op.key()) || !ownedResource(op)) {
                assertThat(status).as(op.key()).isBetween(200, 299);
            } else if (op.method().equals("GET") || READ_ACCESS_WRITES.contains(op.key())) {
                assertThat(status).as(op.key()).isBetween(200, 299);
            } else {
                assertThat(status).as(op.key()).isEqualTo(403);
            }
        }
        TestSupport.as(shared.owner()).get("/assets/" + shared.assetId()).then().statusCode(200);
    }

    @Test
    void theOwnerMaySucceedOnEveryOperation() {
        for (Operation op : operations) {
            Fixture own = Fixture.create();
            int status = call(TestSupport.token(own.owner()), op, own);
            if (ADMIN_ONLY.contains(op.key())) {
                assertThat(status).as(op.key() + " is an admin's").isEqualTo(403);
            } else {
                assertThat(status).as(op.key()).isBetween(200, 299);
            }
        }
    }
}
