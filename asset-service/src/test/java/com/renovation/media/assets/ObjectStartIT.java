package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The first bytes and size of an object in one ranged GET, as the upload inspection reads them, against the real
 * S3 server: a file shorter than the range comes whole, a longer one gives its size from the Content-Range, an
 * empty one (no byte to range over) and a missing one are told apart.
 */
@QuarkusTest
class ObjectStartIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ObjectStore objects;

    @Test
    void aShortFileComesWholeWithItsSize() {
        byte[] file = bytes(700);
        ObjectStore.Start start = startOf(stored(file)).orElseThrow();
        assertThat(start.size()).isEqualTo(700);
        assertThat(start.bytes()).isEqualTo(file);
        assertThat(start.whole()).isTrue();
    }

    @Test
    void aLongFileGivesItsFirstBytesAndWholeSize() {
        byte[] file = bytes(FileSniffer.HEAD_BYTES * 3 + 5);
        ObjectStore.Start start = startOf(stored(file)).orElseThrow();
        assertThat(start.size()).isEqualTo(file.length);
        assertThat(start.bytes()).isEqualTo(Arrays.copyOf(file, FileSniffer.HEAD_BYTES));
        assertThat(start.whole()).isFalse();
    }

    @Test
    void anEmptyFileIsThereWithSizeZero() {
        ObjectStore.Start start = startOf(stored(new byte[0])).orElseThrow();
        assertThat(start.size()).isZero();
        assertThat(start.bytes()).isEmpty();
        assertThat(start.whole()).isTrue();
    }

    @Test
    void aMissingFileIsNone() {
        assertThat(startOf("object-start-it/missing-" + UUID.randomUUID())).isEmpty();
    }

    private Optional<ObjectStore.Start> startOf(String key) {
        return objects.readStart(Buckets.USER_UPLOADS, key, FileSniffer.HEAD_BYTES).await().atMost(WAIT);
    }

    private String stored(byte[] file) {
        String key = "object-start-it/" + UUID.randomUUID();
        objects.put(Buckets.USER_UPLOADS, key, file, "application/octet-stream").await().atMost(WAIT);
        return key;
    }

    private static byte[] bytes(int length) {
        byte[] file = new byte[length];
        for (int i = 0; i < length; i++) {
            file[i] = (byte) (i * 31 + 7);
        }
        return file;
    }
}
