package com.renovation.media.standin;

import com.renovation.media.contracts.orders.ProcessingService;
import com.renovation.media.contracts.predictions.PredictionStatus;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Runs predictions in the background, one virtual thread each: starting → processing (input fetched, the mode's
 * delay waited out) → succeeded with a JPEG output, or failed. A prediction cancelled meanwhile stays cancelled:
 * every step goes through {@link PredictionStore#update}, which never moves a prediction out of an end state.
 */
final class PredictionRunner {

    private final PredictionStore store;
    private final InputImages inputs;
    private final ExecutorService executor;
    private final LongSupplier delayMs;
    private final ExecutorService cpu;
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    PredictionRunner(PredictionStore store, InputImages inputs, ExecutorService executor, LongSupplier delayMs) {
        this.store = store;
        this.inputs = inputs;
        this.executor = executor;
        this.delayMs = delayMs;
        this.cpu = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                Thread.ofPlatform().daemon().name("standin-transform-", 0).factory());
    }

    void close() {
        cpu.shutdownNow();
    }

    void submit(String id) {
        executor.submit(() -> run(id));
    }

    private void run(String id) {
        try {
            StoredPrediction p = store.update(id, current -> current.status().terminal() ? current
                    : current.started(Instant.now().toString()));
            if (p == null || p.status().terminal()) {
                return;
            }
            ProcessingService service = ProcessingService.find(p.version()).orElseThrow();
            BufferedImage input;
            try {
                input = inputs.fetch(InputImages.checkedUrl(p.input().get("image")));
            } catch (InputImages.InputRefused refused) {
                if (!stopping()) {
                    end(id, PredictionStatus.FAILED, refused.getMessage(), false);
                }
                return;
            }
            waitOut(id, delayMs.getAsLong());
            if (p.toFail()) {
                end(id, PredictionStatus.FAILED, "the stand-in was told to fail this prediction", false);
                return;
            }
            byte[] jpeg = transform(service, input);
            if (store.find(id).map(current -> current.status().terminal()).orElse(true)) {
                return;
            }
            store.writeOutput(p, jpeg);
            end(id, PredictionStatus.SUCCEEDED, null, true);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (stopping()) {
                return;
            }
            System.getLogger(PredictionRunner.class.getName()).log(System.Logger.Level.WARNING,
                    "prediction " + id + " failed", e);
            end(id, PredictionStatus.FAILED, "the stand-in could not process the image: " + e.getMessage(), false);
        }
    }

    /**
     * Whether the stand-in is stopping: a run it cut short (its input fetch or transform interrupted) records no
     * failure, so it resumes at the next start, as after a kill.
     */
    private boolean stopping() {
        return executor.isShutdown();
    }

    /**
     * The pixel work on a small pool of platform threads: on the virtual threads' carriers it would starve the
     * request handlers (also virtual threads) of a busy machine, and answers would come late.
     */
    private byte[] transform(ProcessingService service, BufferedImage input) throws InterruptedException {
        try {
            return cpu.submit(() -> ImageTransforms.jpeg(ImageTransforms.apply(service, input))).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Sleeps in slices, so a cancelled prediction stops waiting soon. */
    private void waitOut(String id, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (store.find(id).map(p -> p.status().terminal()).orElse(true)) {
                return;
            }
            Thread.sleep(Math.min(50, Math.max(1, until - System.currentTimeMillis())));
        }
    }

    private void end(String id, PredictionStatus status, String error, boolean output) {
        StoredPrediction[] before = new StoredPrediction[1];
        store.update(id, current -> {
            before[0] = current;
            return current.status().terminal() ? current
                    : current.ended(status, error, output, Instant.now().toString());
        });
        if (before[0] != null && !before[0].status().terminal()) {
            (status == PredictionStatus.SUCCEEDED ? succeeded : failed).incrementAndGet();
        }
    }
}
