package com.renovation.media.assets;

import com.renovation.media.assets.service.sweeps.StorageSweeper;
import com.renovation.media.storage.testing.CraftedFiles;

import static com.renovation.media.assets.TestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.storage.testing.HostileImages;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A corpus of hostile input made by the suite itself: every case must end in a 4xx problem (or S3's own
 * refusal), never a 5xx, and leave no row or object behind. Prints the count per outcome.
 */
@QuarkusTest
class HostileInputIT {

    @Inject
    S3Client s3;

    @Inject
    PresignedUrls urls;

    @Inject
    StorageSweeper sweeper;

    private final Map<String, Integer> outcomes = new TreeMap<>();

    private void record(String name, int status, String type) {
        assertThat(status).as(name).isBetween(400, 499);
        outcomes.merge(status + " " + (type == null ? "" : type.replace("urn:media-platform:problem:", "")), 1,
                Integer::sum);
    }

    /** Files that must be refused at confirm. */
    private static Map<String, byte[]> hostileFiles() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] jpeg = TestSupport.jpeg(200, 150);
        byte[] png = TestSupport.png(200, 150);
        files.put("polyglot.jpg (JPEG + appended ZIP)", concat(jpeg, zip()));
        files.put("polyglot.jpg (JPEG + appended ZIP whose comment ends in FF D9)", concat(jpeg,
                CraftedFiles.zip(new byte[] {(byte) 0xFF, (byte) 0xD9})));
        files.put("polyglot.webp (WebP + appended ZIP inside its RIFF size)", CraftedFiles.webpCovering(zip()));
        files.put("polyglot.heic (HEIC + appended ZIP)", concat(CraftedFiles.heic(), zip()));
        files.put("exploit.webp (lossless, invalid prefix codes: the CVE-2023-4863 shape)",
                HostileImages.losslessWebPWithInvalidHuffmanCodes());
        files.put("huge.webp (16384x16384 in a few bytes)", HostileImages.webpWithHugeHeader(16384, 16384));
        files.put("polyglot.jpg (JPEG + appended HTML)", concat(jpeg, "<html><script>alert(1)</script></html>"
                .repeat(40).getBytes(StandardCharsets.UTF_8)));
        files.put("elf.jpg", concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, new byte[300]));
        files.put("windows.jpg", concat(new byte[] {'M', 'Z', (byte) 0x90, 0}, new byte[300]));
        files.put("script.jpg", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII));
        files.put("page.jpg", "<!DOCTYPE html><html><body onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
        files.put("vector.png", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        files.put("archive.png (zip)", zip());
        files.put("archive.jpg (gzip)", gzip("hello".repeat(100).getBytes(StandardCharsets.UTF_8)));
        files.put("archive.jpg (7z)", concat(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}, new byte[200]));
        files.put("spoofed.jpg (really PNG)", png);
        files.put("spoofed.jpg (really PDF)", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        files.put("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 3));
        byte[] corrupt = Arrays.copyOf(jpeg, jpeg.length);
        for (int i = corrupt.length - 200; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        files.put("corrupt.jpg (garbage tail)", corrupt);
        files.put("bomb.jpg (PNG header declaring 30000x30000)", pngDeclaring(30000, 30000));
        files.put("random.jpg", randomBytes(2048));
        byte[] heic = CraftedFiles.heifDeclaring("heic", 4032, 3024, false);
        files.put("truncated.heic", Arrays.copyOf(heic, heic.length - 100));
        files.put("huge.heic (ispe declaring 60000x60000)", CraftedFiles.heifDeclaring("heic", 60000, 60000, false));
        files.put("garbage.heic (a valid ftyp, then random bytes)", concat(CraftedFiles.ftyp(), randomBytes(4096)));
        files.put("huge.avif (ispe declaring 60000x60000)", CraftedFiles.heifDeclaring("avif", 60000, 60000, true));
        return files;
    }

    @Test
    void everyHostileCaseIsRefusedAndLeavesNothingBehind() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String sessionId = ids.get(0);
        String roomId = ids.get(1);

        for (Map.Entry<String, byte[]> file : hostileFiles().entrySet()) {
            String declared = declaredType(file.getKey());
            Response ticket = TestSupport.requestUpload(user, roomId, "photo", file.getKey(), declared,
                    file.getValue().length);
            assertThat(ticket.statusCode()).as(file.getKey()).isEqualTo(201);
            assertThat(TestSupport.put(ticket, file.getValue())).as(file.getKey()).isEqualTo(200);
            Response confirm = as(user).post("/assets/" + ticket.path("assetId") + "/confirm");
            record(file.getKey(), confirm.statusCode(), confirm.path("type"));
        }

        // requests refused before any row exists
        for (Object[] bad : new Object[][] {{"zero.jpg", 0L}, {"huge.jpg", 10L * 1024 * 1024 + 1},
                {"negative.jpg", -5L}, {"../../..", 10L}, {"\u0000\u0001\u0002", 10L}, {"...", 10L},
                {"\u202E\u200B", 10L}}) {
            Response r = TestSupport.requestUpload(user, roomId, "photo", (String) bad[0], "image/jpeg", (Long) bad[1]);
            record("request " + bad[0], r.statusCode(), r.path("type"));
        }
        for (String type : List.of("image/svg+xml", "text/html", "application/zip", "application/x-msdownload")) {
            Response r = TestSupport.requestUpload(user, roomId, "photo", "x.bin", type, 10);
            record("declared " + type, r.statusCode(), r.path("type"));
        }
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < 200; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            cursor.put("n", next);
            cursor = next;
        }
        record("body of 400 KB", TestSupport.postAnnouncingBody(user, "/sessions",
                "{\"title\":\"" + "x".repeat(400_000) + "\"}"), "payload-too-large");
        for (Object body : List.of(Map.of("title", "t", "x", deep),
                "{\"title\":", "[]", "null", "{\"title\":\"\\ud800\"}")) {
            Response r = as(user).body(body).post("/sessions");
            if (r.statusCode() == 201) {
                continue; // a lone surrogate escape is valid JSON text; the service accepted a harmless title
            }
            record("body " + String.valueOf(body).substring(0, Math.min(20, String.valueOf(body).length())),
                    r.statusCode(), r.path("type"));
        }
        Response deepMetadata = as(user).body(Map.of("metadata", deep)).patch("/assets/" + UUID.randomUUID());
        record("deep metadata", deepMetadata.statusCode(), deepMetadata.path("type"));

        // forged, expired, unsigned and misdirected tokens: each differs from a valid one in one respect
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String forged = TestTokens.claims(user, "user").sign(otherKey.generateKeyPair().getPrivate());
        String expired = TestTokens.claims(user, "user").issuedAt(1_000_000).expiresAt(1_000_100).sign();
        String wrongIssuer = TestTokens.claims(user, "user").issuer("urn:someone-else").sign();
        String foreignAudience = TestTokens.claims(user, "user").audience("urn:another-application").sign();
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + user
                + "\",\"iss\":\"urn:media-platform:test\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"media_roles\":[\"user\"]}").getBytes()) + ".";
        for (String token : List.of(forged, expired, wrongIssuer, foreignAudience, unsigned, "garbage")) {
            Response r = given().auth().oauth2(token).contentType(ContentType.JSON).get("/sessions/" + sessionId);
            record("token", r.statusCode(), r.path("type"));
        }
        // another subject that names the owner as its upn / preferred_username speaks for itself only
        String impostor = TestTokens.claims("impostor-" + user, "user").upn(user).preferredUserName(user).sign();
        Response r = given().auth().oauth2(impostor).contentType(ContentType.JSON).get("/sessions/" + sessionId);
        record("sub != upn", r.statusCode(), r.path("type"));

        // tampered and expired signed URLs: S3 itself refuses them
        String assetId = TestSupport.upload(user, roomId, "photo", "ok.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String key = as(user).get("/assets/" + assetId).path("storagePath");
        String url = as(user).get("/assets/" + assetId).path("downloadUrl");
        record("tampered URL", TestSupport.get(TestSupport.withTamperedSignature(url)).statusCode(), "s3");
        record("other key", TestSupport.get(url.replace(key, key + "x")).statusCode(), "s3");
        String shortLived = urls.download("user-uploads", key, null, Duration.ofSeconds(1)).url();
        Thread.sleep(2200);
        record("expired URL", TestSupport.get(shortLived).statusCode(), "s3");

        // a second PUT through a still-valid upload URL after confirm: with a declared SHA-256 S3 refuses other
        // bytes; without one the bytes land where nothing reads them, and the confirmed asset is unchanged
        byte[] confirmed = TestSupport.jpeg(40, 30);
        byte[] swapped = Arrays.copyOf(confirmed, confirmed.length);
        swapped[swapped.length / 2] ^= 0x55;
        Response bound = as(user).body(Map.of("roomId", roomId, "assetType", "photo", "filename", "bound.jpg",
                "contentType", "image/jpeg", "size", confirmed.length, "sha256", HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(confirmed)))).post("/assets/uploads");
        assertThat(TestSupport.put(bound, confirmed)).isEqualTo(200);
        as(user).post("/assets/" + bound.path("assetId") + "/confirm").then().statusCode(200);
        record("PUT after confirm, SHA-256 declared", TestSupport.put(bound, swapped), "s3");
        byte[] unboundBytes = TestSupport.jpeg(40, 30); // another file: the session holds one copy of any bytes
        byte[] unboundSwapped = Arrays.copyOf(unboundBytes, unboundBytes.length);
        unboundSwapped[unboundSwapped.length / 2] ^= 0x55;
        Response unbound = TestSupport.requestUpload(user, roomId, "photo", "unbound.jpg", "image/jpeg",
                unboundBytes.length);
        assertThat(TestSupport.put(unbound, unboundBytes)).isEqualTo(200);
        as(user).post("/assets/" + unbound.path("assetId") + "/confirm").then().statusCode(200);
        TestSupport.put(unbound, unboundSwapped);
        assertThat(TestSupport.get(as(user).get("/assets/" + unbound.path("assetId")).path("downloadUrl")).body())
                .as("served after a PUT following confirm").isEqualTo(unboundBytes);
        as(user).delete("/assets/" + assetId).then().statusCode(204);
        as(user).delete("/assets/" + bound.path("assetId")).then().statusCode(204);
        as(user).delete("/assets/" + unbound.path("assetId")).then().statusCode(204);
        VertxContextSupport.subscribeAndAwait(() -> sweeper.run(Instant.now().plus(Duration.ofHours(1))));

        long rowsLeft = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM room_assets WHERE session_id = :s", Long.class)
                        .setParameter("s", UUID.fromString(sessionId)).getSingleResult())));
        assertThat(rowsLeft).as("rows left behind").isZero();
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix("session_" + sessionId + "/")).contents())
                .as("objects left behind").isEmpty();

        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("hostile input: " + total + " cases, no 5xx, nothing left behind; by outcome:");
        outcomes.forEach((outcome, count) -> System.out.printf("  %-32s %d%n", outcome, count));
    }

    @Test
    void hostileLinkInputsAreRefused() {
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        String stranger = TestSupport.newUser();
        String foreign = TestSupport.upload(stranger, TestSupport.sessionWithRoom(stranger).get(1), "photo", "b.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        String token = LinkTestSupport.token(user, Map.of("kind", "share", "assetIds", List.of(asset),
                "maxDownloads", 1000));

        // tokens: one character changed, another spelling of the same bits, cut, padded, traversal, encodings
        List<String> tokens = new java.util.ArrayList<>();
        for (int at = 0; at < token.length(); at += 6) {
            tokens.add(token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1));
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(42));
        tokens.add(token.substring(0, 42) + alphabet.charAt(last ^ 1)); // the same secret, its unused bits set
        tokens.addAll(List.of(token.substring(0, 42), token + "=", token + token, "..%2F..%2Fetc%2Fpasswd",
                "%00" + token.substring(3), token.toUpperCase(java.util.Locale.ROOT), "x".repeat(3000),
                "%E2%80%AE" + token.substring(9), "%27%20OR%20%271%27%3D%271", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        for (String bad : tokens) {
            if (bad.equals(token)) {
                continue; // toUpperCase of a token without lower-case letters
            }
            Response r = given().urlEncodingEnabled(false).redirects().follow(false).get("/d/" + bad);
            record("token " + bad.substring(0, Math.min(12, bad.length())), r.statusCode(), problemType(r));
        }

        List<Object> many = new java.util.ArrayList<>(java.util.stream.Stream.generate(() -> (Object) asset)
                .limit(5000).toList());
        List<Map<String, Object>> bodies = List.of(
                Map.of("kind", "zip", "assetIds", List.of(asset, foreign)),
                Map.of("kind", "single", "assetIds", List.of(foreign)),
                Map.of("kind", "zip", "collectionId", UUID.randomUUID().toString()),
                Map.of("kind", "zip", "assetIds", many.subList(0, 201)),
                Map.of("kind", "zip", "assetIds", many),
                Map.of("kind", "share", "assetIds", List.of("not-a-uuid")),
                Map.of("kind", "share", "assetIds", "a string"),
                Map.of("kind", "share", "assetIds", List.of(List.of(asset))),
                Map.of("kind", "x".repeat(100_000), "assetIds", List.of(asset)),
                Map.of("kind", "share", "assetIds", List.of(asset), "expiresIn", "P" + "9".repeat(5000) + "D"),
                Map.of("kind", "share", "assetIds", List.of(asset), "expiresIn", "P100000000000D"),
                Map.of("kind", "share", "assetIds", List.of(asset), "maxDownloads", Long.MAX_VALUE),
                Map.of("kind", "share", "assetIds", List.of(asset), "token", "chosen-by-the-client"),
                Map.of("kind", "share", "assetIds", List.of(asset), "collectionId", "'; DROP TABLE links; --"));
        for (Map<String, Object> body : bodies) {
            Response r = as(user).body(body).post("/links");
            String name = "link " + body.toString().substring(0, Math.min(40, body.toString().length()));
            if (r.statusCode() == 413) {
                record(name, r.statusCode(), "payload-too-large");
            } else {
                record(name, r.statusCode(), problemType(r));
            }
        }
        Response deleteForeign = as(stranger).delete("/links/" + LinkTestSupport.create(user, Map.of("kind", "share",
                "assetIds", List.of(asset))).path("id"));
        record("revoke another's link", deleteForeign.statusCode(), deleteForeign.path("type"));
        Response deleteNonsense = as(user).delete("/links/not-a-uuid");
        record("revoke not-a-uuid", deleteNonsense.statusCode(), deleteNonsense.path("type"));

        LinkTestSupport.open(token).then().statusCode(200); // the real one still opens
        assertThat(as(user).get("/links?limit=100").then().statusCode(200).extract().<List<?>>path("items"))
                .as("only the two valid links exist").hasSize(2);
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("hostile link input: " + total + " cases, no 5xx; by outcome:");
        outcomes.forEach((outcome, count) -> System.out.printf("  %-32s %d%n", outcome, count));
    }

    /** The problem's type, when the answer is a problem document (the HTTP layer answers some without one). */
    private static String problemType(Response r) {
        return String.valueOf(r.contentType()).contains("json") ? r.path("type") : "http";
    }

    @Test
    void hostileLibraryAndCollectionInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        String item = as(user).body(Map.of("assetId", asset)).post("/library/items").then().statusCode(201)
                .extract().path("id");
        Response board = as(user).body(Map.of("name", "Board", "visibility", "unlisted")).post("/collections");
        String collection = board.path("id");
        String slug = board.path("slug");
        as(user).body(Map.of("libraryItemId", item)).post("/collections/" + collection + "/items").then()
                .statusCode(201);
        String stranger = TestSupport.newUser();
        String foreignAsset = TestSupport.upload(stranger, TestSupport.sessionWithRoom(stranger).get(1), "photo",
                "f.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String foreignItem = as(stranger).body(Map.of("assetId", foreignAsset)).post("/library/items").path("id");

        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("save a foreign asset", as(user).body(Map.of("assetId", foreignAsset)).post("/library/items"));
        cases.put("save an unknown style image", as(user).body(Map.of("styleImageId", UUID.randomUUID()))
                .post("/library/items"));
        cases.put("save a path as asset id", as(user).body(Map.of("assetId", "../../" + asset)).post("/library/items"));
        cases.put("save both targets", as(user).body(Map.of("assetId", asset, "styleImageId", UUID.randomUUID()))
                .post("/library/items"));
        cases.put("10 000 tags", as(user).body(Map.of("tags", java.util.Collections.nCopies(10_000, "t")))
                .patch("/library/items/" + item));
        cases.put("a tag of 100 000 characters", as(user).body(Map.of("tags", List.of("t".repeat(100_000))))
                .patch("/library/items/" + item));
        cases.put("a tag with control characters", as(user).body(Map.of("tags", List.of("a\u0000\u001b[31m")))
                .patch("/library/items/" + item));
        cases.put("a title of 100 000 characters", as(user).body(Map.of("customTitle", "t".repeat(100_000)))
                .patch("/library/items/" + item));
        cases.put("a tags object", as(user).body(Map.of("tags", Map.of("a", "b"))).patch("/library/items/" + item));
        cases.put("patch a foreign item", as(user).body(Map.of("favourite", true)).patch("/library/items/" + foreignItem));
        cases.put("a tag filter of 10 000 characters", as(user).get("/library/items?tag=" + "t".repeat(10_000)));
        cases.put("a forged cursor", as(user).get("/library/items?cursor=" + Base64.getUrlEncoder()
                .encodeToString("0|x|y|z".getBytes(StandardCharsets.UTF_8))));
        cases.put("a name of 100 000 characters", as(user).body(Map.of("name", "n".repeat(100_000))).post("/collections"));
        cases.put("an unknown visibility", as(user).body(Map.of("name", "n", "visibility", "everyone"))
                .post("/collections"));
        cases.put("a foreign item into my collection", as(user).body(Map.of("libraryItemId", foreignItem))
                .post("/collections/" + collection + "/items"));
        cases.put("my item into a foreign collection", as(stranger).body(Map.of("libraryItemId", item))
                .post("/collections/" + collection + "/items"));
        cases.put("an order of 5 000 ids", as(user).body(Map.of("libraryItemIds",
                java.util.Collections.nCopies(5_000, item))).put("/collections/" + collection + "/items/order"));
        cases.put("an order naming a foreign item", as(user).body(Map.of("libraryItemIds", List.of(foreignItem)))
                .put("/collections/" + collection + "/items/order"));
        cases.put("an order with a null id", as(user).body("{\"libraryItemIds\":[null]}")
                .put("/collections/" + collection + "/items/order"));
        cases.put("a foreign cover", as(user).body(Map.of("coverItemId", foreignItem)).patch("/collections/" + collection));
        cases.put("a slug one character off", given().get("/public/collections/" + slug.substring(0, slug.length() - 1)
                + (slug.endsWith("a") ? "b" : "a")));
        cases.put("a slug of 2 000 characters", given().get("/public/collections/" + "a".repeat(2_000)));
        cases.put("a traversing slug", given().get("/public/collections/..%2F..%2Fcollections"));
        cases.put("a public tag of 10 000 characters", given().get("/public/collections?tag=" + "t".repeat(10_000)));
        cases.put("a public forged cursor", given().get("/public/collections?cursor=AAAA"));
        Map<String, Integer> refused = refusedAsClientErrors(cases);

        as(user).get("/library/items").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].tags.size()", equalTo(0)).body("items[0].favourite", equalTo(false));
        as(user).get("/collections").then().body("items.size()", equalTo(1)).body("items[0].itemCount", equalTo(1))
                .body("items[0].coverItemId", nullValue());
        as(stranger).get("/library/items/" + foreignItem).then().body("favourite", equalTo(false));
        report("hostile library and collection input", cases.size(), refused);
    }

    @Test
    void hostileWorkspaceAndAuditInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        Map<String, Object> upload = Map.of("assetType", "render", "filename", "r.png", "contentType", "image/png",
                "size", 100);
        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("workspace as a string", as(user).body(with(upload, "workspace", "yes")).post("/assets/uploads"));
        cases.put("workspace and a room", as(user).body(with(with(upload, "workspace", true), "roomId", roomId))
                .post("/assets/uploads"));
        cases.put("neither a room nor the workspace", as(user).body(upload).post("/assets/uploads"));
        cases.put("workspace false without a room", as(user).body(with(upload, "workspace", false))
                .post("/assets/uploads"));
        cases.put("an audit type that is SQL", as(user).get("/audit?entityType=session'%20OR%201=1--"));
        cases.put("an audit type of 10 000 characters", as(user).get("/audit?entityType=" + "t".repeat(10_000)));
        cases.put("an audit entity id that is not one", as(user).get("/audit?entityId=1%20OR%201=1"));
        cases.put("an audit cursor that is not a number", as(user).get("/audit?cursor=" + Base64.getUrlEncoder()
                .encodeToString("x".getBytes(StandardCharsets.UTF_8))));
        cases.put("a workspace cursor of another shape", as(user).get("/workspace?cursor=AAAA"));
        cases.put("a workspace page of a million", as(user).get("/workspace?limit=1000000"));
        Map<String, Integer> refused = refusedAsClientErrors(cases);
        as(user).get("/workspace").then().statusCode(200).body("items.size()", equalTo(0));
        as(user).get("/rooms/" + roomId + "/assets").then().statusCode(200).body("items.size()", equalTo(0));
        report("hostile workspace and audit input", cases.size(), refused);
    }

    @Test
    void hostileBackupInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        String sessionId = TestSupport.sessionWithRoom(user).get(0);
        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("a backup of a session id that is not one", as(user).post("/sessions/1%20OR%201=1/backups"));
        cases.put("a backup of no session", as(user).post("/sessions/" + UUID.randomUUID() + "/backups"));
        cases.put("a backup id that is SQL", as(user).get("/backups/x'%20OR%20'1'='1"));
        cases.put("a restore of no backup", as(user).post("/backups/" + UUID.randomUUID() + "/restore"));
        cases.put("a restore of a backup id that is not one", as(user).post("/backups/..%2F..%2Fsessions/restore"));
        cases.put("a backup cursor of another shape", as(user).get("/sessions/" + sessionId + "/backups?cursor=AAAA"));
        cases.put("a backup page of a million", as(user).get("/sessions/" + sessionId + "/backups?limit=1000000"));
        Map<String, Integer> refused = refusedAsClientErrors(cases);
        as(user).get("/sessions/" + sessionId + "/backups").then().statusCode(200).body("items.size()", equalTo(0));
        as(user).get("/sessions").then().statusCode(200).body("items.size()", equalTo(1));
        report("hostile backup input", cases.size(), refused);
    }

    @Test
    void hostileDocumentHistoryInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        String sessionId = TestSupport.sessionWithRoom(user).get(0);
        String documents = "/sessions/" + sessionId + "/documents";
        String document = as(user).body(AuthorizationMatrixIT.checklist()).post(documents).then().statusCode(202)
                .extract().path("id");
        String restore = "/documents/" + document + "/restore";
        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("a message of 501 characters", as(user).body(with(AuthorizationMatrixIT.checklist(), "message",
                "m".repeat(501))).post(documents));
        cases.put("a message that is an object", as(user).body(with(AuthorizationMatrixIT.checklist(), "message",
                Map.of("text", "x"))).post(documents));
        cases.put("a restore message of 100 000 characters", as(user).body(Map.of("version", 1,
                "message", "m".repeat(100_000))).post(restore));
        cases.put("a restore of version 0", as(user).body(Map.of("version", 0)).post(restore));
        cases.put("a restore of version -1", as(user).body(Map.of("version", -1)).post(restore));
        cases.put("a restore of version 2^31", as(user).body("{\"version\": 2147483648}").post(restore));
        cases.put("a restore of version 1e400", as(user).body("{\"version\": 1e400}").post(restore));
        cases.put("a restore of version 2^31 - 1", as(user).body(Map.of("version", Integer.MAX_VALUE)).post(restore));
        cases.put("a restore of version \"1 OR 1=1\"", as(user).body(Map.of("version", "1 OR 1=1")).post(restore));
        cases.put("a restore without a version", as(user).body(Map.of("message", "x")).post(restore));
        cases.put("a restore of a document id that is not one", as(user).body(Map.of("version", 1))
                .post("/documents/..%2F..%2Fsessions/restore"));
        cases.put("the content of a document id that is SQL", as(user).get("/documents/x'%20OR%20'1'='1/content"));
        Map<String, Integer> refused = refusedAsClientErrors(cases);
        as(user).get("/documents/" + document + "/versions").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].message", nullValue());
        report("hostile document history input", cases.size(), refused);
    }

    @Test
    void hostileArtefactInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String otherRoom = TestSupport.sessionWithRoom(TestSupport.newUser()).get(1);
        String artefact = ArtefactTestSupport.createPlan(user, ids.get(0), ids.get(1));
        String create = "/sessions/" + ids.get(0) + "/artefacts";
        String edit = "/artefacts/" + artefact;
        Map<String, Object> valid = ArtefactTestSupport.create("Plan", ArtefactTestSupport.plan("x"), null);
        Map<String, Object> next = Map.of("content", ArtefactTestSupport.plan("y"), "baseVersion", 1);
        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("an artefact of an unknown kind", as(user).body(with(valid, "kind", "blueprint")).post(create));
        cases.put("an artefact kind that is SQL", as(user).body(with(valid, "kind", "x' OR '1'='1")).post(create));
        cases.put("a blank title", as(user).body(with(valid, "title", "   ")).post(create));
        cases.put("a title of 201 characters", as(user).body(with(valid, "title", "t".repeat(201))).post(create));
        cases.put("a message of 501 characters", as(user).body(with(valid, "message", "m".repeat(501))).post(create));
        cases.put("no content", as(user).body(with(valid, "content", null)).post(create));
        cases.put("content that is an object", as(user).body(with(valid, "content", Map.of("svg", 1))).post(create));
        cases.put("content that is not XML", as(user).body(with(valid, "content", "plain words")).post(create));
        cases.put("a room of another user's session", as(user).body(with(valid, "roomId", otherRoom)).post(create));
        cases.put("a room id that is SQL", as(user).body(with(valid, "roomId", "1 OR 1=1")).post(create));
        cases.put("an edit based on version 0", as(user).body(with(next, "baseVersion", 0)).put(edit));
        cases.put("an edit based on version -1", as(user).body(with(next, "baseVersion", -1)).put(edit));
        cases.put("an edit based on 2^31", as(user).body(with(next, "baseVersion", 2147483648L)).put(edit));
        cases.put("an edit based on a word", as(user).body(with(next, "baseVersion", "latest")).put(edit));
        cases.put("an edit without a base", as(user).body(Map.of("content", ArtefactTestSupport.plan("z"))).put(edit));
        cases.put("an edit with a blank title", as(user).body(with(next, "title", " ")).put(edit));
        cases.put("an edit of a future base", as(user).body(with(next, "baseVersion", 7)).put(edit));
        cases.put("version 0", as(user).get(edit + "/versions/0"));
        cases.put("version -1", as(user).get(edit + "/versions/-1"));
        cases.put("version 99999999999", as(user).get(edit + "/versions/99999999999"));
        cases.put("version that is a path", as(user).get(edit + "/versions/..%2F..%2F1"));
        cases.put("a restore of version 0", as(user).post(edit + "/versions/0/restore"));
        cases.put("a restore message of 501 characters", as(user).body(Map.of("message", "m".repeat(501)))
                .post(edit + "/versions/1/restore"));
        cases.put("an export width of 0", as(user).body(Map.of("format", "png", "width", 0)).post(edit + "/exports"));
        cases.put("an export width of 4097", as(user).body(Map.of("format", "png", "width", 4097))
                .post(edit + "/exports"));
        cases.put("an export width of 2^40", as(user).body(Map.of("format", "png", "width", 1L << 40))
                .post(edit + "/exports"));
        cases.put("a width with pdf", as(user).body(Map.of("format", "pdf", "width", 800)).post(edit + "/exports"));
        cases.put("an export format of gif", as(user).body(Map.of("format", "gif")).post(edit + "/exports"));
        cases.put("an export of version 0", as(user).body(Map.of("format", "svg", "version", 0))
                .post(edit + "/exports"));
        cases.put("an export id that is SQL", as(user).get("/exports/x'%20OR%20'1'='1"));
        cases.put("an export that does not exist", as(user).get("/exports/" + UUID.randomUUID()));
        cases.put("a list kind that is SQL", as(user).get(create + "?kind=floorplan'%20OR%201=1"));
        cases.put("a list room that is not an id", as(user).get(create + "?roomId=..%2F..%2F"));
        cases.put("a list cursor of another shape", as(user).get(create + "?cursor=AAAA"));
        cases.put("a version cursor that is no number", as(user).get(edit + "/versions?cursor="
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("x".getBytes())));
        cases.put("a list page of a million", as(user).get(create + "?limit=1000000"));
        cases.put("a body over the small limit on another route", as(user).body(Map.of("title", "t".repeat(300_000)))
                .post("/sessions"));
        Map<String, Integer> refused = refusedAsClientErrors(cases);
        as(user).get(edit).then().statusCode(200).body("version", equalTo(1)).body("title", equalTo("Ground floor"));
        as(user).get(create).then().statusCode(200).body("items.size()", equalTo(1));
        as(user).get("/sessions").then().statusCode(200).body("items.size()", equalTo(1));
        report("hostile artefact input", cases.size(), refused);
    }

    @Test
    void hostileReviewFilterAndGenerationInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String render = RenderReviewIT.declare(user, ids.get(1), "render", Map.of());
        String review = "/assets/" + render + "/review";
        String documents = "/sessions/" + ids.get(0) + "/documents";
        Map<String, Object> contract = Map.of("documentType", "contract_draft", "title", "t", "content",
                Map.of("parties", List.of(Map.of("role", "a", "name", "b"), Map.of("role", "c", "name", "d")),
                        "scope", List.of(Map.of("description", "x")), "price", Map.of("currency", "EUR",
                                "amount", "1")));
        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("a review decision that is not one", as(user).body(Map.of("decision", "approve'; --"))
                .post(review));
        cases.put("a review decision as a number", as(user).body(Map.of("decision", 1)).post(review));
        cases.put("a review without a decision", as(user).body(Map.of("note", "x")).post(review));
        cases.put("a review note of 100 000 characters", as(user).body(Map.of("decision", "submit",
                "note", "n".repeat(100_000))).post(review));
        cases.put("approving a draft", as(user).body(Map.of("decision", "approve")).post(review));
        cases.put("approvalStatus forged at upload", as(user).body(Map.of("roomId", ids.get(1), "assetType", "render",
                "filename", "r.jpg", "contentType", "image/jpeg", "size", 10, "metadata",
                Map.of("approvalStatus", "approved", "approvedBy", user))).post("/assets/uploads"));
        cases.put("approvedBy forged by PATCH", as(user).body(Map.of("metadata", Map.of("approvedBy", user)))
                .patch("/assets/" + render));
        cases.put("a styleApplied that is SQL", as(user).body(Map.of("metadata",
                Map.of("styleApplied", "x' OR '1'='1"))).patch("/assets/" + render));
        cases.put("a styleApplied that is an object", as(user).body(Map.of("metadata",
                Map.of("styleApplied", Map.of("slug", "x")))).patch("/assets/" + render));
        cases.put("a session asset type that is SQL", as(user).get("/sessions/" + ids.get(0)
                + "/assets?type=photo'%20OR%201=1--"));
        cases.put("a session asset status of 10 000 characters", as(user).get("/sessions/" + ids.get(0)
                + "/assets?status=" + "s".repeat(10_000)));
        cases.put("a session asset cursor of another shape", as(user).get("/sessions/" + ids.get(0)
                + "/assets?cursor=AAAA"));
        cases.put("a document type filter that is SQL", as(user).get(documents + "?type=plan_pdf'--"));
        cases.put("a document phase filter with spaces", as(user).get(documents + "?phase=a%20b"));
        cases.put("generatedBy admin from a user", as(user).body(with(contract, "generatedBy", "admin"))
                .post(documents));
        cases.put("generatedBy that is none", as(user).body(with(contract, "generatedBy", "god")).post(documents));
        cases.put("a prompt without ai", as(user).body(with(contract, "generationPrompt", "p")).post(documents));
        cases.put("a prompt of 100 000 characters", as(user).body(with(with(contract, "generatedBy", "ai"),
                "generationPrompt", "p".repeat(100_000))).post(documents));
        cases.put("a contract of one party", as(user).body(with(contract, "content", Map.of("parties",
                List.of(Map.of("role", "a", "name", "b")), "scope", List.of(Map.of("description", "x")),
                "price", Map.of("currency", "EUR", "amount", "1")))).post(documents));
        cases.put("a contract price that is negative", as(user).body(with(contract, "content", Map.of("parties",
                List.of(Map.of("role", "a", "name", "b"), Map.of("role", "c", "name", "d")),
                "scope", List.of(Map.of("description", "x")), "price", Map.of("currency", "EUR", "amount", "-1"))))
                .post(documents));
        Map<String, Integer> refused = refusedAsClientErrors(cases);
        as(user).get("/assets/" + render).then().statusCode(200).body("metadata.size()", equalTo(0));
        as(user).get(documents).then().statusCode(200).body("items.size()", equalTo(0));
        report("hostile review, filter and generation input", cases.size(), refused);
    }

    @Test
    void hostilePlanInputIsRefusedAndChangesNothing() {
        String user = TestSupport.newUser();
        String room = PlanTestSupport.room(user, "free", PlanTestSupport.session(user, "free"));
        String plan = "/admin/users/" + user + "/plan";
        Map<String, Response> cases = new LinkedHashMap<>();
        cases.put("a plan that is SQL", PlanTestSupport.asAdmin().body(Map.of("plan", "free'; DROP TABLE user_plans--"))
                .put(plan));
        cases.put("a plan that is a number", PlanTestSupport.asAdmin().body(Map.of("plan", 1)).put(plan));
        cases.put("a plan that is a list", PlanTestSupport.asAdmin().body(Map.of("plan", List.of("pro"))).put(plan));
        cases.put("a plan of 10 000 characters", PlanTestSupport.asAdmin().body(Map.of("plan", "p".repeat(10_000)))
                .put(plan));
        cases.put("no plan", PlanTestSupport.asAdmin().body(Map.of()).put(plan));
        cases.put("a subject of 300 characters", PlanTestSupport.asAdmin().body(Map.of("plan", "pro"))
                .put("/admin/users/" + "u".repeat(300) + "/plan"));
        cases.put("a user setting their own plan", PlanTestSupport.asOn(user, "free").body(Map.of("plan", "enterprise"))
                .put(plan));
        cases.put("an upload of Long.MAX_VALUE bytes", PlanTestSupport.requestUpload(user, "free", room, Long.MAX_VALUE));
        cases.put("an upload one byte over the free plan's largest file",
                PlanTestSupport.requestUpload(user, "free", room, 10 * PlanTestSupport.MB + 1));
        Map<String, Integer> refused = refusedAsClientErrors(cases);
        // a claim that names no plan is no plan: the default, never an error
        PlanTestSupport.asOn(user, "enterprise' OR '1'='1").get("/me/usage").then().statusCode(200)
                .body("planSource", equalTo("default"));
        PlanTestSupport.asOn(user, "free").get("/me/usage").then().statusCode(200).body("plan", equalTo("free"))
                .body("planSource", equalTo("claim")).body("storageBytes", equalTo(0));
        report("hostile plan input", cases.size(), refused);
    }

    /** Asserts every case was refused as the client's error; answers how many of each status and problem type. */
    private static Map<String, Integer> refusedAsClientErrors(Map<String, Response> cases) {
        Map<String, Integer> refused = new TreeMap<>();
        cases.forEach((name, r) -> {
            assertThat(r.statusCode()).as(name).isBetween(400, 499);
            refused.merge(r.statusCode() + " " + problemType(r).replace("urn:media-platform:problem:", ""), 1,
                    Integer::sum);
        });
        return refused;
    }

    private static void report(String what, int cases, Map<String, Integer> refused) {
        System.out.println(what + ": " + cases + " cases, no 5xx, nothing changed; by outcome:");
        refused.forEach((outcome, count) -> System.out.printf("  %-32s %d%n", outcome, count));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** The type a client would declare for the file's name. */
    private static String declaredType(String name) {
        return name.contains(".png") ? "image/png" : name.contains(".webp") ? "image/webp"
                : name.contains(".heic") ? "image/heic" : name.contains(".avif") ? "image/avif" : "image/jpeg";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.exe"));
            zip.write("MZ payload".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x13; // never a magic number by chance
        return bytes;
    }

    /** A tiny well-formed PNG (signature, IHDR, empty IDAT, IEND) whose header claims huge dimensions. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
