package com.renovation.media.variants.service.video;

import com.renovation.media.contracts.videos.VideoOutputs;
import com.renovation.media.storage.s3.MultipartStore;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.variants.config.VideoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.FileRequestBodyConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Stores a web MP4 from disk, blocking the calling (transcode) thread: in one streamed PUT up to the configured
 * threshold, above it as a multipart upload of {@link #PART_SIZE} parts, each sent from its slice of the file
 * (a failed part fails the upload, which is aborted, and the job's next attempt sends it again).
 */
@ApplicationScoped
public class WebVideoUpload {

    /** S3 wants every part but the last to be at least 5 MiB. */
    static final long PART_SIZE = 16L * 1024 * 1024;
    private static final Duration PER_REQUEST = Duration.ofMinutes(10);

    private final ObjectStore objects;
    private final MultipartStore multipart;
    private final S3AsyncClient s3;
    private final long threshold;

    public WebVideoUpload(ObjectStore objects, MultipartStore multipart, S3AsyncClient s3, VideoConfig config) {
        this.objects = objects;
        this.multipart = multipart;
        this.s3 = s3;
        this.threshold = config.multipartThreshold().asLongValue();
    }

    public void put(String bucket, String key, Path file, long size) {
        if (size <= threshold) {
            objects.putVariantFile(bucket, key, file, VideoOutputs.WEB_CONTENT_TYPE).await().atMost(PER_REQUEST);
            return;
        }
        String uploadId = multipart.startVariant(bucket, key, VideoOutputs.WEB_CONTENT_TYPE).await().atMost(PER_REQUEST);
        try {
            List<MultipartStore.NamedPart> parts = new ArrayList<>();
            for (long offset = 0, number = 1; offset < size; offset += PART_SIZE, number++) {
                long length = Math.min(PART_SIZE, size - offset);
                int partNumber = (int) number;
                AsyncRequestBody body = AsyncRequestBody.fromFile(FileRequestBodyConfiguration.builder()
                        .path(file).position(offset).numBytesToRead(length).build());
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(length), body).orTimeout(PER_REQUEST.toMillis(), TimeUnit.MILLISECONDS).join().eTag();
                parts.add(new MultipartStore.NamedPart(partNumber, etag));
            }
            multipart.complete(bucket, key, uploadId, parts).await().atMost(PER_REQUEST);
        } catch (RuntimeException e) {
            try {
                multipart.abort(bucket, key, uploadId).await().atMost(PER_REQUEST);
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }
}
