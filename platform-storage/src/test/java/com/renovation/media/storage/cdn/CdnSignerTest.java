package com.renovation.media.storage.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.storage.s3.PresignedUrls.SignedUrl;
import com.renovation.media.storage.s3.StorageConfig;
import com.renovation.media.storage.testing.CdnKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDN settings as a service reads them at start, and the variant URLs they sign. */
class CdnSignerTest {

    private static final KeyPair KEYS = CdnKeys.generate();
    private static final String PEM = CdnKeys.pem(KEYS.getPrivate());
    private static final String BASE = "https://d111111abcdef8.cloudfront.net";
    private static final String KEY_PAIR = "K2JCJMDEHXQW5F";

    record Cdn(Optional<String> baseUrl, Optional<String> keyPairId, Optional<String> privateKey,
            Optional<Path> privateKeyLocation, Duration urlTtl) implements StorageConfig.Cdn {

        static Cdn of(String baseUrl, String keyPairId, String privateKey) {
            return new Cdn(Optional.ofNullable(baseUrl), Optional.ofNullable(keyPairId),
                    Optional.ofNullable(privateKey), Optional.empty(), Duration.ofHours(1));
        }

        Cdn ttl(Duration ttl) {
            return new Cdn(baseUrl, keyPairId, privateKey, privateKeyLocation, ttl);
        }
    }

    private static CdnSigner signer(StorageConfig.Cdn cdn) {
        return CdnSigner.of(cdn).orElseThrow();
    }

    private static String refusal(StorageConfig.Cdn cdn) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> CdnSigner.of(cdn));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        return thrown.getMessage();
    }

    @Test
    void nothingSetMeansNoCdn() {
        assertThat(CdnSigner.of(Cdn.of(null, null, null))).isEmpty();
    }

    @Test
    void aVariantUrlIsSignedOnTheCdnForItsKeyAndExpiresWithinItsLifetime() {
        String key = "session_0b6d/room_71c2/photos/variants/1767000000000_kitchen_thumbnail_300x200.webp";
        Instant now = Instant.now();
        SignedUrl signed = signer(Cdn.of(BASE, KEY_PAIR, PEM)).sign(key, now);

        URI uri = URI.create(signed.url());
        assertThat(uri.getScheme() + "://" + uri.getHost()).isEqualTo(BASE);
        assertThat(uri.getPath()).isEqualTo("/" + key);
        assertThat(signed.method()).isEqualTo("GET");
        assertThat(CdnKeys.query(signed.url())).containsOnlyKeys("Expires", "Signature", "Key-Pair-Id")
                .containsEntry("Key-Pair-Id", KEY_PAIR);
        long expires = Long.parseLong(CdnKeys.query(signed.url()).get("Expires"));
        assertThat(expires).isGreaterThan(now.getEpochSecond())
                .isLessThanOrEqualTo(now.plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(signed.expiresAt()).isEqualTo(Instant.ofEpochSecond(expires));
        assertThat(CdnKeys.verifies(signed.url(), KEYS.getPublic())).isTrue();
    }

    @Test
    void keysAreEncodedAsThePathCloudFrontAndS3DecodeBack() {
        String key = "styles/nordic/variants/oak floor K\u00fcche+1_optimized_1200x800.jpg";
        SignedUrl signed = signer(Cdn.of(BASE, KEY_PAIR, PEM)).sign(key, Instant.now());

        assertThat(signed.url()).startsWith(BASE + "/styles/nordic/variants/oak%20floor%20K%C3%BCche%2B1_optimized");
        assertThat(URI.create(signed.url()).getPath()).isEqualTo("/" + key);
        assertThat(CdnKeys.verifies(signed.url(), KEYS.getPublic())).isTrue();
        // a key whose path a browser or proxy would normalise is never signed
        CdnSigner signer = signer(Cdn.of(BASE, KEY_PAIR, PEM));
        for (String bad : new String[] {"session_1/../session_2/a.jpg", "session_1/./a.jpg", "/session_1/a.jpg",
            "session_1//a.jpg", ""}) {
            assertThatThrownBy(() -> signer.sign(bad, Instant.now())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void halfSetConfigurationIsRefusedNamingWhatIsMissing() {
        assertThat(refusal(Cdn.of(BASE, null, null))).contains("half set")
                .contains("platform.storage.cdn.key-pair-id")
                .contains("platform.storage.cdn.private-key or private-key-location");
        assertThat(refusal(Cdn.of(null, KEY_PAIR, PEM))).contains("half set")
                .contains("platform.storage.cdn.base-url").doesNotContain("key-pair-id,");
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, null))).contains("private-key or private-key-location");
        assertThat(refusal(new Cdn(Optional.of(BASE), Optional.of(KEY_PAIR), Optional.of(PEM),
                Optional.of(Path.of("/k.pem")), Duration.ofHours(1)))).contains("both set");
    }

    @Test
    void theOriginMustBeHttpsWithoutAPath() {
        for (String base : new String[] {"http://d111111abcdef8.cloudfront.net", "https://cdn.example.com/media",
            "https://cdn.example.com/?a=b", "https://user@cdn.example.com", "d111111abcdef8.cloudfront.net",
            "https://"}) {
            assertThat(refusal(Cdn.of(base, KEY_PAIR, PEM))).as(base).contains("base-url");
        }
        assertThat(signer(Cdn.of("https://CDN.example.com/", KEY_PAIR, PEM)).origin())
                .isEqualTo("https://cdn.example.com");
        assertThat(signer(Cdn.of("https://cdn.example.com:8443", KEY_PAIR, PEM)).origin())
                .isEqualTo("https://cdn.example.com:8443");
    }

    @Test
    void theKeyPairIdCannotCarryAnythingIntoTheQuery() {
        for (String id : new String[] {"K2J&Expires=9999999999", "k2jcjmdehxqw5f", "K2J CJM", ""}) {
            assertThat(refusal(Cdn.of(BASE, id, PEM))).as(id).contains("key-pair-id");
        }
    }

    @Test
    void theLifetimeIsBounded() {
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, PEM).ttl(Duration.ofSeconds(30)))).contains("url-ttl");
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, PEM).ttl(Duration.ofDays(8)))).contains("url-ttl");
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, PEM).ttl(Duration.ofHours(-1)))).contains("url-ttl");
        assertThat(signer(Cdn.of(BASE, KEY_PAIR, PEM).ttl(Duration.ofDays(7))).ttl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void unusableKeysAreRefusedWithoutQuotingThem() throws Exception {
        String body = PEM.substring(PEM.indexOf('\n') + 1, PEM.indexOf("-----END"));
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----\n";
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, pkcs1))).contains("openssl pkcs8 -topk8");
        String corrupt = PEM.replace(body.substring(40, 80), "A".repeat(40));
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, corrupt))).contains("not a readable RSA private key")
                .doesNotContain(body.substring(0, 20));
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, "K2JCJMDEHXQW5F"))).contains("not PEM");
        java.security.KeyPairGenerator small = java.security.KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, CdnKeys.pem(small.generateKeyPair().getPrivate()))))
                .contains("1024 bits");
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        assertThat(refusal(Cdn.of(BASE, KEY_PAIR, CdnKeys.pem(ec.generateKeyPair().getPrivate()))))
                .contains("private-key");
    }

    @Test
    void theKeyMayComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cdn.pem"), PEM);
        CdnSigner signer = signer(new Cdn(Optional.of(BASE), Optional.of(KEY_PAIR), Optional.empty(),
                Optional.of(file), Duration.ofMinutes(5)));
        assertThat(CdnKeys.verifies(signer.sign("session_1/a.jpg", Instant.now()).url(), KEYS.getPublic())).isTrue();
        assertThat(refusal(new Cdn(Optional.of(BASE), Optional.of(KEY_PAIR), Optional.empty(),
                Optional.of(dir.resolve("missing.pem")), Duration.ofMinutes(5)))).contains("cannot be read");
    }

    @Test
    void theSignerNeverPrintsItsKey() {
        CdnSigner signer = signer(Cdn.of(BASE, KEY_PAIR, PEM));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KEYS.getPrivate();
        assertThat(signer.toString()).contains(BASE, KEY_PAIR)
                .doesNotContain(key.getPrivateExponent().toString(), key.getPrivateExponent().toString(16),
                        key.getModulus().toString(), PEM.substring(30, 60),
                        Base64.getEncoder().encodeToString(key.getEncoded()).substring(30, 60));
    }
}
