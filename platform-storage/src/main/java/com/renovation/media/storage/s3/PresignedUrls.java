package com.renovation.media.storage.s3;

import com.renovation.media.storage.filetype.FileType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedUploadPartRequest;

/**
 * Signs URLs clients use to move bytes straight to and from S3, so file bytes never pass through a service.
 * Signing is local computation (no request to S3).
 */
@ApplicationScoped
public class PresignedUrls {

    /** A signed URL, when it stops working, and the headers the client must send with it. */
    public record SignedUrl(String url, String method, Map<String, String> headers, Instant expiresAt) {
    }

    private final S3Presigner presigner;
    private final StorageConfig config;

    /**
     * Signs with whatever credentials the service's S3 client uses: static keys, or the AWS default chain
     * ({@code S3_CREDENTIALS=default}: web identity / IRSA, pod identity, instance profile), so the URLs work
     * wherever the client does.
     */
    @Inject
    public PresignedUrls(StorageConfig config,
            @ConfigProperty(name = "quarkus.s3.endpoint-override") String endpoint,
            @ConfigProperty(name = "quarkus.s3.aws.region") String region, S3AsyncClient s3) {
        this(config, endpoint, region, s3.serviceClientConfiguration().credentialsProvider());
    }

    PresignedUrls(StorageConfig config, String endpoint, String region,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        this.config = config;
        this.presigner = S3Presigner.builder()
                .endpointOverride(URI.create(config.publicEndpoint().orElse(endpoint)))
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    /**
     * A PUT URL bound to the declared content type and length, and to the canned ACL {@code private}: S3 refuses
     * a body of another length or type, and an {@code x-amz-acl} of the client's own choosing breaks the signature
     * (servers that honour object ACLs would otherwise let a client make its unchecked upload readable by anyone).
     * The client must send every header of {@link SignedUrl#headers()}.
     */
    public SignedUrl upload(String bucket, String key, String contentType, long contentLength) {
        return upload(bucket, key, contentType, contentLength, Optional.empty());
    }

    /**
     * As {@link #upload(String, String, String, long)}; when the client declared the file's SHA-256 (hex), it is
     * bound too ({@code x-amz-checksum-sha256}), so S3 refuses any other bytes.
     */
    public SignedUrl upload(String bucket, String key, String contentType, long contentLength,
            Optional<String> sha256Hex) {
        PutObjectRequest.Builder builder = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                .contentLength(contentLength).acl(ObjectCannedACL.PRIVATE);
        sha256Hex.ifPresent(hex -> builder.checksumSHA256(base64(hex)));
        PutObjectRequest put = builder.build();
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.putObjectRequest(put)
                .signatureDuration(config.uploadUrlTtl()));
        return new SignedUrl(signed.url().toString(), "PUT", clientHeaders(signed.signedHeaders()),
                signed.expiration());
    }

    /** A SHA-256 in hex as S3's checksum headers carry it (base64 of the digest). */
    public static String base64(String sha256Hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
    }

    /** The signed headers the client sends itself (its HTTP library sets Host). */
    private static Map<String, String> clientHeaders(Map<String, java.util.List<String>> signed) {
        Map<String, String> headers = new TreeMap<>();
        signed.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return headers;
    }

    /**
     * A PUT URL for one part of a multipart upload ({@link MultipartStore}), bound to the part's length: S3 refuses
     * a larger or smaller part, so the parts together are the declared size. The client must send every header of
     * {@link SignedUrl#headers()}.
     */
    public SignedUrl uploadPart(String bucket, String key, String uploadId, int partNumber, long contentLength) {
        return uploadPart(bucket, key, uploadId, partNumber, contentLength, Optional.empty());
    }

    /**
     * As {@link #uploadPart(String, String, String, int, long)}; with the part's SHA-256 (hex), it is bound too
     * ({@code x-amz-checksum-sha256}; the upload must have been started with checksums), so S3 refuses any other
     * bytes for this part.
     */
    public SignedUrl uploadPart(String bucket, String key, String uploadId, int partNumber, long contentLength,
            Optional<String> sha256Hex) {
        UploadPartRequest.Builder builder = UploadPartRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                .partNumber(partNumber).contentLength(contentLength);
        sha256Hex.ifPresent(hex -> builder.checksumSHA256(base64(hex)));
        UploadPartRequest part = builder.build();
        PresignedUploadPartRequest signed = presigner.presignUploadPart(p -> p.uploadPartRequest(part)
                .signatureDuration(config.uploadUrlTtl()));
        return new SignedUrl(signed.url().toString(), "PUT", clientHeaders(signed.signedHeaders()),
                signed.expiration());
    }

    /** A GET URL for a private object, shown inline under {@code downloadName} when one is given. */
    public SignedUrl download(String bucket, String key, String downloadName) {
        return download(bucket, key, downloadName, config.downloadUrlTtl());
    }

    public SignedUrl download(String bucket, String key, String downloadName, Duration ttl) {
        return signGet(bucket, key, downloadName == null ? null : ContentDisposition.inline(downloadName), ttl);
    }

    /**
     * A GET URL for a stored file under its original name: inline only for the types browsers render safely
     * ({@link FileType#safeInline()}), any other content type as an attachment. The disposition is part of the
     * signature, so a client cannot turn it back into inline.
     */
    public SignedUrl download(String bucket, String key, String downloadName, String contentType) {
        boolean inline = FileType.fromDeclared(contentType).map(FileType::safeInline).orElse(false);
        String disposition = inline ? ContentDisposition.inline(downloadName)
                : ContentDisposition.attachment(downloadName);
        return signGet(bucket, key, disposition, config.downloadUrlTtl());
    }

    /**
     * A GET URL that makes the browser save the file under {@code downloadName}, whatever its type (a download
     * link's "download this", where inline display is not what was asked for).
     */
    public SignedUrl attachment(String bucket, String key, String downloadName, Duration ttl) {
        return signGet(bucket, key, ContentDisposition.attachment(downloadName), ttl);
    }

    private SignedUrl signGet(String bucket, String key, String disposition, Duration ttl) {
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
        if (disposition != null) {
            get.responseContentDisposition(disposition);
        }
        var signed = presigner.presignGetObject(p -> p.getObjectRequest(get.build()).signatureDuration(ttl));
        return new SignedUrl(signed.url().toString(), "GET", Map.of(), signed.expiration());
    }

    private static String canonical(String header) {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "content-length" -> "Content-Length";
            default -> header;
        };
    }

    @PreDestroy
    void close() {
        presigner.close();
    }
}
