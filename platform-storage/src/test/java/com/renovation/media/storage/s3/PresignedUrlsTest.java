package com.renovation.media.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class PresignedUrlsTest {

    private final PresignedUrls urls = new PresignedUrls(new StorageConfig() {
        public Optional<String> publicEndpoint() {
            return Optional.empty();
        }

        public Duration uploadUrlTtl() {
            return Duration.ofMinutes(15);
        }

        public Duration downloadUrlTtl() {
            return Duration.ofHours(1);
        }

        public OriginalsCold originalsCold() {
            throw new UnsupportedOperationException();
        }

        public Cdn cdn() {
            throw new UnsupportedOperationException();
        }
    }, "http://localhost:9000", "us-east-1", StaticCredentialsProvider.create(AwsBasicCredentials.create("access",
            "secret")));

    private String disposition(String contentType, String filename) {
        String url = urls.download("user-uploads", "k/file", filename, contentType).url();
        String query = URLDecoder.decode(url.substring(url.indexOf('?') + 1), StandardCharsets.UTF_8);
        return query.substring(query.indexOf("response-content-disposition=") + 29, query.indexOf("&X-Amz"));
    }

    @Test
    void imagesBrowsersRenderSafelyAreInlineEverythingElseAnAttachment() {
        assertThat(disposition("image/jpeg", "a.jpg")).startsWith("inline;");
        assertThat(disposition("image/png", "a.png")).startsWith("inline;");
        assertThat(disposition("image/webp", "a.webp")).startsWith("inline;");
        assertThat(disposition("application/pdf", "a.pdf")).startsWith("attachment;");
        assertThat(disposition("image/heic", "a.heic")).startsWith("attachment;");
        assertThat(disposition("image/avif", "a.avif")).startsWith("attachment;");
        assertThat(disposition("text/html", "a.html")).startsWith("attachment;");
        assertThat(disposition(null, "a")).startsWith("attachment;");
    }

    @Test
    void anyFilenameYieldsOneWellFormedHeaderValue() {
        assertThat(disposition("application/pdf", "Plan \"Küche\"\\v2.pdf"))
                .isEqualTo("attachment; filename=\"Plan 'K_che'_v2.pdf\"; filename*=UTF-8''Plan%20%22K%C3%BCche%22%5Cv2.pdf");
    }

    @Test
    void theDispositionTravelsInTheSignedQuery() {
        String url = urls.download("user-uploads", "k/file", "a.pdf", "application/pdf").url();
        assertThat(url).contains("response-content-disposition=attachment").contains("X-Amz-Signature=");
    }
}
