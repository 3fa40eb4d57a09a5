package com.renovation.media.variants;

import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.service.video.Transcoder;
import com.renovation.media.variants.service.video.VideoSetup;
import com.renovation.media.variants.video.MediaToolException;
import com.renovation.media.variants.video.ToolAbort;
import com.renovation.media.variants.video.WebCopy;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The worker's transcoder, except that a test can hold the next transcode of a chosen video before ffmpeg
 * starts (the job claimed, the original copied): a transcode in flight, made deterministic. Released, it goes
 * on, or, for a hold that {@link Hold#dies}, fails as a worker that died there would have left it: nothing made,
 * no further sign of life. A video can also be made to fail its next transcodes as ffmpeg would. Videos nobody
 * holds are transcoded as usual.
 */
@Alternative
@Priority(1)
@Singleton
public class HeldTranscoder extends Transcoder {

    private static final Map<UUID, Hold> HOLDS = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> FAILING = new ConcurrentHashMap<>();

    public HeldTranscoder(VideoSetup setup) {
        super(setup);
    }

    /** The next transcode of {@code source} waits until released; then goes on, or gives up if {@code dies}. */
    public static Hold hold(UUID source, boolean dies) {
        Hold hold = new Hold(dies);
        HOLDS.put(source, hold);
        return hold;
    }

    /** The next {@code times} transcodes of {@code source} fail as ffmpeg failing on the file would. */
    public static void failing(UUID source, int times) {
        FAILING.put(source, new AtomicInteger(times));
    }

    @Override
    public void transcode(SourceImage source, Path file, WebCopy copy, Path output, IntConsumer percentages,
            ToolAbort abort) {
        Hold hold = HOLDS.remove(source.id());
        if (hold != null) {
            hold.inFlight.countDown();
            try {
                hold.released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (hold.dies) {
                throw new IllegalStateException("the worker died during the transcode");
            }
        }
        AtomicInteger failures = FAILING.get(source.id());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new MediaToolException("ffmpeg failed: Invalid data found when processing input", false, false);
        }
        super.transcode(source, file, copy, output, percentages, abort);
    }

    /** One held transcode. */
    public static final class Hold {
        private final boolean dies;
        private final CountDownLatch inFlight = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(boolean dies) {
            this.dies = dies;
        }

        /** Waits until the held transcode has started. */
        public void awaitInFlight() throws InterruptedException {
            if (!inFlight.await(90, TimeUnit.SECONDS)) {
                throw new AssertionError("the held transcode never started");
            }
        }

        public void release() {
            released.countDown();
        }
    }
}
