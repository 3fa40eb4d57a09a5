package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Links to a collection open its items as they are when opened, in the collection's order; they die with it.
 * Collections are made in SQL here, as the collections API leaves them.
 */
@QuarkusTest
class CollectionLinkIT {

    @Test
    void aCollectionsShareAndZipLinksFollowItsOrderAndItsCurrentItems() throws Exception {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        List<UUID> assets = new ArrayList<>();
        for (String name : List.of("a.jpg", "b.jpg", "c.jpg")) {
            assets.add(UUID.fromString(TestSupport.upload(user, room, "photo", name, "image/jpeg",
                    TestSupport.jpeg(60, 40))));
        }
        // positions run against insertion: c, b, a
        UUID collection = LinkTestSupport.collection(user, assets, List.of("Before"));
        Response share = LinkTestSupport.create(user, Map.of("kind", "share", "collectionId", collection.toString()));
        share.then().statusCode(201).body("collectionId", equalTo(collection.toString()))
                .body("assetIds", hasSize(0));
        String zip = LinkTestSupport.token(user, Map.of("kind", "zip", "collectionId", collection.toString()));

        // the public title is the owner's own, never the file's name
        LinkTestSupport.open(share.path("token")).then().statusCode(200).body("items", hasSize(3))
                .body("items.title", equalTo(Arrays.asList(null, null, "Before")))
                .body("items.width", equalTo(List.of(60, 60, 60)));
        assertThat(entries(LinkTestSupport.open(zip).then().statusCode(200).extract().asByteArray()))
                .containsExactly("c.jpg", "b.jpg", "a.jpg");

        // the link opens the collection as it is now
        LinkTestSupport.sql("DELETE FROM collection_items WHERE collection_id = :c AND position = 2", "c", collection);
        LinkTestSupport.open(share.path("token")).then().statusCode(200)
                .body("items.title", equalTo(Arrays.asList(null, "Before")));
        assertThat(entries(LinkTestSupport.open(zip).then().statusCode(200).extract().asByteArray()))
                .containsExactly("c.jpg", "a.jpg");
    }

    @Test
    void onlyTheOwnerLinksACollection() {
        String owner = TestSupport.newUser();
        String asset = TestSupport.upload(owner, TestSupport.sessionWithRoom(owner).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        UUID collection = LinkTestSupport.collection(owner, List.of(UUID.fromString(asset)), List.of());
        Map<String, Object> body = Map.of("kind", "zip", "collectionId", collection.toString());

        LinkTestSupport.create(TestSupport.newUser(), body).then().statusCode(404)
                .body("type", equalTo("urn:media-platform:problem:not-found"));
        LinkTestSupport.asAdmin().body(body).post("/links").then().statusCode(403);
        LinkTestSupport.create(owner, Map.of("kind", "single", "collectionId", collection.toString()))
                .then().statusCode(400);
        LinkTestSupport.create(owner, body).then().statusCode(201);
    }

    @Test
    void aCollectionsLinkIsGoneWithTheCollection() {
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        UUID collection = LinkTestSupport.collection(user, List.of(UUID.fromString(asset)), List.of());
        Response created = LinkTestSupport.create(user, Map.of("kind", "share", "collectionId", collection.toString()));
        LinkTestSupport.open(created.path("token")).then().statusCode(200);

        LinkTestSupport.sql("DELETE FROM collections WHERE id = :c", "c", collection);

        LinkTestSupport.open(created.path("token")).then().statusCode(410)
                .body("type", equalTo("urn:media-platform:problem:gone"));
        assertThat(LinkTestSupport.listed(user, created.path("id"))).containsEntry("status", "gone")
                .containsEntry("collectionId", null);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                names.add(entry.getName());
            }
        }
        return names;
    }
}
