package com.renovation.media.assets;

import com.renovation.media.storage.testing.NoisePhotos;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A ZIP link of 20 photos, much larger together than the heap growth allowed, streams from S3 through the
 * service in bounded memory: the live heap (measured after collections, sampled during the download) grows by
 * far less than the ZIP's size. The service runs in this JVM, so this measures the service itself.
 */
@QuarkusTest
class LinkZipIT {

    private static final int PHOTOS = 20;
    private static final long HEAP_GROWTH_BOUND = 32L * 1024 * 1024;

    @Test
    void fiftyPhotosStreamAsOneValidZipWithDistinctNamesInBoundedMemory() throws Exception {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        List<byte[]> photos = new ArrayList<>();
        byte[] noise = NoisePhotos.jpeg(2400, 1800, 0.9f, 7); // one encode: noise does not compress
        for (int i = 0; i < PHOTOS; i++) { // each a file of its own: a session holds one copy of any bytes
            photos.add(NoisePhotos.numbered(noise, i));
        }
        List<String> assetIds = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>(); // entry name → SHA-256 of its bytes
        long total = 0;
        for (int i = 0; i < PHOTOS; i++) {
            byte[] photo = photos.get(i % photos.size());
            // every tenth file has the same name; others differ only in case, or are plain
            String name = i % 10 == 0 ? "kitchen.jpg" : i % 10 == 1 ? "KITCHEN.jpg" : "photo-" + i + ".jpg";
            assetIds.add(TestSupport.upload(user, room, "photo", name, "image/jpeg", photo));
            total += photo.length;
        }
        int kitchens = 0;
        for (int i = 0; i < PHOTOS; i++) {
            String name;
            if (i % 10 <= 1) {
                kitchens++;
                name = kitchens == 1 ? "kitchen.jpg" : kitchens == 2 ? "KITCHEN (2).jpg"
                        : (i % 10 == 0 ? "kitchen" : "KITCHEN") + " (" + kitchens + ").jpg";
            } else {
                name = "photo-" + i + ".jpg";
            }
            expected.put(name, sha256(photos.get(i % photos.size())));
        }
        assertThat(total).as("the originals together").isGreaterThan(2 * HEAP_GROWTH_BOUND);
        String token = LinkTestSupport.token(user, Map.of("kind", "zip", "assetIds", assetIds));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(memory);
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean downloading = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (downloading.get()) {
                peak.accumulateAndGet(liveHeap(memory), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Map<String, String> received = new LinkedHashMap<>();
        long zipBytes;
        HttpResponse<InputStream> response = LinkTestSupport.stream(token);
        try (CountingStream counted = new CountingStream(response.body());
                ZipInputStream zip = new ZipInputStream(counted)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                    assertThat(d).startsWith("attachment"));
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                received.put(entry.getName(), sha256(zip)); // reading to the end checks the entry's CRC
            }
            zipBytes = counted.count;
        } finally {
            downloading.set(false);
            sampler.join();
        }
        long growth = peak.get() - baseline;

        System.out.printf("ZIP of %d photos: %.1f MB streamed; live heap growth during the download: %.1f MB"
                + " (baseline %.1f MB, peak %.1f MB, bound %d MB)%n", PHOTOS, zipBytes / 1e6, growth / 1048576.0,
                baseline / 1048576.0, peak.get() / 1048576.0, HEAP_GROWTH_BOUND / 1048576);
        assertThat(received).containsExactlyEntriesOf(expected);
        assertThat(zipBytes).isGreaterThan(total);
        assertThat(growth).as("live heap growth while streaming %d MB", zipBytes / 1048576)
                .isLessThan(HEAP_GROWTH_BOUND);
        LinkTestSupport.open(token).then().statusCode(200); // the default allows 10 downloads
    }

    /** The heap still in use after a full collection: what the service holds, not garbage awaiting collection. */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[16 * 1024];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Counts the bytes that pass. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
