package com.renovation.media.assets;

import com.renovation.media.storage.testing.CraftedFiles;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Files that are also something else: each container must end where the file ends, through the real PUT and
 * confirm. And what is stored is served so a browser cannot be made to run it: PDF and HEIC as attachments.
 */
@QuarkusTest
class PolyglotUploadIT {

    private static final byte[] FF_D9 = {(byte) 0xFF, (byte) 0xD9};

    @Inject
    S3Client s3;

    private String user;
    private String roomId;

    @BeforeEach
    void room() {
        user = TestSupport.newUser();
        roomId = TestSupport.sessionWithRoom(user).get(1);
    }

    /** Confirm answers 422 with the reason, and neither the object nor the row is left. */
    private void refused(String assetType, String filename, String contentType, byte[] bytes, String reason)
            throws Throwable {
        Response ticket = TestSupport.requestUpload(user, roomId, assetType, filename, contentType, bytes.length);
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket, bytes)).isEqualTo(200);
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:media-platform:problem:file-rejected"))
                .body("detail", containsString(reason));
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(ticket.path("storagePath"))).contents())
                .as("refused object").isEmpty();
        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM room_assets WHERE id = :id", Long.class)
                        .setParameter("id", UUID.fromString(assetId)).getSingleResult())));
        assertThat(rows).as("refused row").isZero();
    }

    @Test
    void aJpegWithAnAppendedZipWhoseCommentEndsInTheEndOfImageMarkerIsRefused() throws Throwable {
        byte[] zip = CraftedFiles.zip(FF_D9);
        refused("photo", "kitchen.jpg", "image/jpeg", CraftedFiles.concat(TestSupport.jpeg(200, 150), zip),
                "bytes after the end of its JPEG data");
    }

    @Test
    void aWebpWithAnAppendedZipInsideItsRiffSizeIsRefused() throws Throwable {
        refused("photo", "wall.webp", "image/webp", CraftedFiles.webpCovering(CraftedFiles.zip(new byte[0])),
                "truncated or corrupt");
    }

    @Test
    void aHeicWithAnAppendedZipIsRefused() throws Throwable {
        refused("photo", "floor.heic", "image/heic",
                CraftedFiles.concat(CraftedFiles.heic(), CraftedFiles.zip(new byte[0])),
                "do not add up to the file's size");
    }

    @Test
    void aPdfWithAnAppendedZipWhoseCommentEndsInEofIsRefused() throws Throwable {
        byte[] zip = CraftedFiles.zip(CraftedFiles.ascii("%%EOF\n"));
        refused("document", "invoice.pdf", "application/pdf", CraftedFiles.concat(CraftedFiles.pdf(), zip),
                "archive (ZIP)");
    }

    @Test
    void pdfAndHeicAreServedAsAttachmentsAndImagesInline() {
        assertServed("photo", "Küche.jpg", "image/jpeg", TestSupport.jpeg(64, 48), "inline");
        assertServed("photo", "wall.webp", "image/webp", CraftedFiles.webp(), "inline");
        assertServed("photo", "floor.heic", "image/heic", CraftedFiles.heic(), "attachment");
        assertServed("document", "offer.pdf", "application/pdf", CraftedFiles.pdf(), "attachment");
    }

    /** A whole file is accepted, and S3 serves its signed URL with the disposition the signature fixes. */
    private void assertServed(String assetType, String filename, String contentType, byte[] bytes, String disposition) {
        String assetId = TestSupport.upload(user, roomId, assetType, filename, contentType, bytes);
        String url = as(user).get("/assets/" + assetId).then().statusCode(200).extract().path("downloadUrl");
        assertThat(url).contains("response-content-disposition=" + disposition);
        HttpResponse<byte[]> download = TestSupport.get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith(disposition + ";").contains("filename*=UTF-8''" + filename.replace("ü", "%C3%BC")));
        if (disposition.equals("attachment")) { // signed: asking S3 for inline instead breaks the signature
            assertThat(TestSupport.get(url.replace("response-content-disposition=attachment",
                    "response-content-disposition=inline")).statusCode()).isEqualTo(403);
        }
    }
}
