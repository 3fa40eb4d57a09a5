package com.renovation.media.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;

/** An upload in parts that becomes an original where it is assembled carries the originals' tag from its start. */
class MultipartStoreTest {

    @Test
    void anUploadStartedWithTaggingAsksS3ForThatTagSet() {
        List<CreateMultipartUploadRequest> sent = new ArrayList<>();
        MultipartStore store = new MultipartStore(recording(sent));

        store.start("user-uploads", "a/key", "video/mp4", false, Optional.of("platform-object=original"))
                .await().indefinitely();
        store.start("user-uploads", "b/key", "video/mp4", false).await().indefinitely();

        assertThat(sent).extracting(CreateMultipartUploadRequest::tagging)
                .containsExactly("platform-object=original", null);
    }

    @SuppressWarnings("unchecked")
    private static S3AsyncClient recording(List<CreateMultipartUploadRequest> sent) {
        return (S3AsyncClient) Proxy.newProxyInstance(S3AsyncClient.class.getClassLoader(),
                new Class<?>[] {S3AsyncClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createMultipartUpload")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder();
                    ((Consumer<CreateMultipartUploadRequest.Builder>) args[0]).accept(request);
                    sent.add(request.build());
                    return CompletableFuture.completedFuture(CreateMultipartUploadResponse.builder()
                            .uploadId("upload-" + sent.size()).build());
                });
    }
}
