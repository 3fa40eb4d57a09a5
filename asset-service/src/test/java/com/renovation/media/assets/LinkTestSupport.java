package com.renovation.media.assets;

import static io.restassured.RestAssured.given;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Links as their creator and an anonymous visitor use them, and SQL for what the tests move by hand. */
final class LinkTestSupport {

    /** Never follows redirects: a single-file link's 303 is what the tests look at. */
    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private LinkTestSupport() {
    }

    /** A new admin, who may read anyone's data but change none. */
    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestSupport.adminToken("admin-" + UUID.randomUUID())).contentType(ContentType.JSON);
    }

    static Response create(String user, Map<String, Object> body) {
        return TestSupport.as(user).body(body).post("/links");
    }

    /** Creates the link (201) and answers its token. */
    static String token(String user, Map<String, Object> body) {
        return create(user, body).then().statusCode(201).extract().path("token");
    }

    /** Opens the link as anyone would: no token, redirects not followed. */
    static Response open(String token) {
        return given().redirects().follow(false).get("/d/" + token);
    }

    static URI address(String token) {
        return URI.create("http://localhost:" + RestAssured.port + "/d/" + token);
    }

    /** Opens the link with the JDK's client, for concurrent and streamed downloads. */
    static HttpResponse<InputStream> stream(String token) {
        try {
            return ANONYMOUS.send(HttpRequest.newBuilder(address(token)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int status(String token) {
        HttpResponse<InputStream> response = stream(token);
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return response.statusCode();
    }

    /** The link's row, as the owner's list shows it. */
    static Map<String, Object> listed(String user, String linkId) {
        List<Map<String, Object>> items = TestSupport.as(user).get("/links?limit=100").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(l -> linkId.equals(l.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("link " + linkId + " not listed"));
    }

    /** Runs one SQL statement in its own transaction; answers the rows it changed. */
    static int sql(String statement, Object... namedValues) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> {
                        var query = s.createNativeQuery(statement);
                        for (int i = 0; i < namedValues.length; i += 2) {
                            query.setParameter((String) namedValues[i], namedValues[i + 1]);
                        }
                        return query.executeUpdate();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value the query answers (one column of one row). */
    static <T> T query(Class<T> type, String statement, Object... namedValues) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> {
                        var query = s.createNativeQuery(statement, type);
                        for (int i = 0; i < namedValues.length; i += 2) {
                            query.setParameter((String) namedValues[i], namedValues[i + 1]);
                        }
                        return query.getSingleResult();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A collection of the user's, made in SQL as the collections API would leave it: each asset kept in the
     * library (the first ones with the custom titles given) and added in this order. Answers the collection's id.
     */
    static UUID collection(String user, List<UUID> assetIds, List<String> customTitles) {
        UUID collection = UUID.randomUUID();
        sql("INSERT INTO collections (id, owner_id, slug, name) VALUES (:id, :owner, :slug, 'Moodboard')",
                "id", collection, "owner", user, "slug", "moodboard-" + collection.toString().substring(0, 16)
                        .toLowerCase(Locale.ROOT));
        List<UUID> items = new ArrayList<>();
        for (int i = 0; i < assetIds.size(); i++) {
            UUID item = UUID.randomUUID();
            sql("INSERT INTO library_items (id, owner_id, asset_id, custom_title) VALUES (:id, :owner, :asset, :title)",
                    "id", item, "owner", user, "asset", assetIds.get(i), "title",
                    i < customTitles.size() ? customTitles.get(i) : null);
            items.add(item);
        }
        for (int i = 0; i < items.size(); i++) {
            // positions in reverse insertion order: the link must follow position, not insertion
            sql("INSERT INTO collection_items (collection_id, library_item_id, position) VALUES (:c, :i, :p)",
                    "c", collection, "i", items.get(i), "p", items.size() - i);
        }
        return collection;
    }
}
