package com.renovation.media.catalog;

import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.catalog.service.seed.SeedBundle;
import com.renovation.media.catalog.service.seed.SeedManifest;
import com.renovation.media.catalog.service.seed.SeedManifestLoader;
import com.renovation.media.catalog.service.seed.SeedReport;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.testing.PresignedPut;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.vertx.VertxContextSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Tokens, test manifests, anonymous HTTP and plain Kafka clients for the integration tests. */
public final class TestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    public static String userToken() {
        return TestTokens.user(TestTokens.newUserId());
    }

    public static String adminToken() {
        return TestTokens.admin(TestTokens.newUserId());
    }

    /** A short id that makes this run's slugs and catalog names its own (the test engines keep data between runs). */
    public static String newRun() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A test manifest from src/test/resources with the catalog and every slug suffixed by {@code run}, so the
     * test starts from an empty catalog of its own.
     */
    public static SeedBundle testManifest(String resource, String run) {
        SeedBundle bundle = SeedManifestLoader.load(resource);
        SeedManifest m = bundle.manifest();
        List<SeedManifest.StyleEntry> styles = m.styles().stream().map(s -> new SeedManifest.StyleEntry(
                slug(s.slug(), run), s.name(), s.description(), s.displayOrder(), s.images())).toList();
        return new SeedBundle(new SeedManifest(m.catalog() + "-" + run, m.source(), styles), bundle.files());
    }

    public static String slug(String slug, String run) {
        return slug + "-" + run;
    }

    /** Runs a seeding on a Vert.x context, as a request would, and waits for its report. */
    public static SeedReport seed(CatalogSeeder seeder, SeedBundle bundle) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> seeder.seed(bundle));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<byte[]> anonymousGet(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As {@link PresignedPut#put}: the status, or {@link PresignedPut#CLOSED_WITHOUT_ANSWER}. */
    public static final int CLOSED_WITHOUT_ANSWER = PresignedPut.CLOSED_WITHOUT_ANSWER;

    /** PUTs bytes to a presigned URL with the headers the ticket names, as a browser would. */
    public static int put(String url, Map<String, String> headers, byte[] bytes) {
        return PresignedPut.put(url, headers, bytes);
    }

    /**
     * Whether the object a presigned upload URL PUTs to exists, asked with the service's credentials: the URL's
     * path is {@code /bucket/key} (path-style).
     */
    public static boolean uploadedObjectExists(S3Client s3, String uploadUrl) {
        String path = URI.create(uploadUrl).getPath().substring(1);
        String bucket = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1);
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Publishes an event as its producer service would. */
    public static void publish(String source, EventPayload payload) {
        KafkaTestClient.publish(source, payload);
    }

    /** The records of the given keys on a topic, read with a plain consumer (independent of the code under test). */
    public static List<ConsumerRecord<String, String>> recordsFor(String topic, java.util.Collection<String> keys) {
        return KafkaTestClient.records(topic, keys);
    }

}
