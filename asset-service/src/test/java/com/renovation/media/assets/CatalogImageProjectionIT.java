package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.CatalogImageRepository;
import com.renovation.media.assets.rest.dto.AssetView.VariantView;
import com.renovation.media.assets.service.previews.ItemPreviews;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.CatalogImagePublished;
import com.renovation.media.contracts.events.payload.CatalogImageWithdrawn;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * catalog-service's events, published as it publishes them, keep {@code catalog_images} in step: a published
 * image appears whole and this service signs URLs of the very objects the catalog serves; each image's events
 * apply in version order, so a redelivery or an older event arriving late changes nothing; a withdrawal removes
 * the image with the library items keeping it, and no older event brings it back.
 */
@QuarkusTest
class CatalogImageProjectionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    CatalogImageRepository images;

    @Inject
    ItemPreviews previews;

    @Inject
    S3Client s3;

    @Inject
    Pool pool;

    private static <T> T block(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private CatalogImage row(UUID id) {
        return block(() -> Panache.withSession(() -> images.findById(id)));
    }

    private Long withdrawal(UUID id) {
        return block(() -> Panache.withSession(() -> images.withdrawnVersion(id)));
    }

    private long count(String sql, Object... parameters) {
        return block(() -> pool.preparedQuery(sql).execute(Tuple.from(List.of(parameters)))).iterator().next()
                .getLong(0);
    }

    /** Publishes as catalog-service does and waits until this service has consumed the event (applied or not). */
    private String publishAndAwait(EventPayload payload) {
        String json = KafkaTestClient.publish("catalog-service", payload);
        UUID eventId = EventJson.read(json).id();
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_events WHERE event_id = $1",
                eventId) == 1);
        return json;
    }

    private static CatalogImagePublished published(UUID id, long version, String slug, String title,
            List<CatalogImagePublished.Variant> variants) {
        return new CatalogImagePublished(id, version, slug, title, "alt of " + title, "image/jpeg", 960, 640,
                "styles", variants);
    }

    private static CatalogImagePublished.Variant variant(String slug, String type, String format) {
        return new CatalogImagePublished.Variant(type, format,
                "styles/" + slug + "/variants/oak_" + type + "_300x200." + format, "image/" + format, 300, 200, 1234L);
    }

    @Test
    void publishedImagesAreKeptInVersionOrderAndAWithdrawalRemovesThemForGood() {
        UUID id = UUID.randomUUID();
        String slug = "projection-" + id.toString().substring(0, 8);
        CatalogImagePublished.Variant thumbnail = variant(slug, "thumbnail", "jpeg");
        byte[] bytes = ("thumbnail of " + id).getBytes();
        s3.putObject(b -> b.bucket("styles").key(thumbnail.key()).contentType("image/jpeg")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromBytes(bytes));

        publishAndAwait(published(id, 1, slug, "Oak bed", List.of(thumbnail)));
        CatalogImage image = row(id);
        assertThat(image.version).isEqualTo(1);
        assertThat(image.styleSlug).isEqualTo(slug);
        assertThat(image.title).isEqualTo("Oak bed");
        assertThat(image.altText).isEqualTo("alt of Oak bed");
        assertThat(List.of(image.contentType, image.width, image.height)).containsExactly("image/jpeg", 960, 640);
        assertThat(image.bucket).isEqualTo("styles");
        assertThat(image.variants).containsExactly(new CatalogImage.Variant("thumbnail", "jpeg", thumbnail.key(),
                "image/jpeg", 300, 200, 1234L));
        // this service's signed URL reads the object the catalog serves
        List<VariantView> signed = previews.ofCatalogImage(image);
        assertThat(signed).hasSize(1);
        HttpResponse<byte[]> served = TestSupport.get(signed.get(0).url());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(bytes);

        // a newer version replaces the row whole; the same record again changes nothing
        CatalogImagePublished.Variant webp = variant(slug, "thumbnail", "webp");
        String second = publishAndAwait(published(id, 2, slug, "Pale oak bed", List.of(thumbnail, webp)));
        KafkaTestClient.send(Topics.CATALOG_IMAGE_PUBLISHED, id.toString(), second);
        // an older one arriving late (after the redelivery: one partition, in order) changes nothing either
        publishAndAwait(published(id, 1, slug, "Oak bed", List.of()));
        image = row(id);
        assertThat(image.version).isEqualTo(2);
        assertThat(image.title).isEqualTo("Pale oak bed");
        assertThat(image.variants).extracting(CatalogImage.Variant::format).containsExactly("jpeg", "webp");
        assertThat(count("SELECT count(*) FROM processed_events WHERE event_id = $1", EventJson.read(second).id()))
                .isEqualTo(1);

        // a withdrawal takes the library items that kept the image with it
        String owner = TestSupport.newUser();
        block(() -> pool.preparedQuery("INSERT INTO library_items (id, owner_id, style_image_id)"
                + " VALUES ($1, $2, $3)").execute(Tuple.of(UUID.randomUUID(), owner, id)));
        publishAndAwait(new CatalogImageWithdrawn(id, 3));
        assertThat(row(id)).isNull();
        assertThat(withdrawal(id)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM library_items WHERE owner_id = $1", owner)).isZero();

        // an older published event cannot bring it back; a newer one (public again) does
        publishAndAwait(published(id, 2, slug, "Pale oak bed", List.of(thumbnail)));
        assertThat(row(id)).isNull();
        publishAndAwait(published(id, 4, slug, "Oak bed again", List.of(thumbnail)));
        assertThat(row(id).title).isEqualTo("Oak bed again");
        assertThat(withdrawal(id)).isNull();

        // a withdrawal older than the image is stale
        publishAndAwait(new CatalogImageWithdrawn(id, 3));
        assertThat(row(id).version).isEqualTo(4);

        assertThat(KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(Topic.CATALOG_IMAGE_PUBLISHED),
                id.toString())).isEmpty();
        assertThat(KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(Topic.CATALOG_IMAGE_WITHDRAWN),
                id.toString())).isEmpty();
    }

    @Test
    void aWithdrawalOfAnImageNeverSeenIsRememberedAgainstItsLatePublication() {
        UUID id = UUID.randomUUID();
        String slug = "projection-" + id.toString().substring(0, 8);
        publishAndAwait(new CatalogImageWithdrawn(id, 2));
        assertThat(withdrawal(id)).isEqualTo(2);
        publishAndAwait(published(id, 1, slug, "Late", List.of()));
        assertThat(row(id)).isNull();
    }
}
