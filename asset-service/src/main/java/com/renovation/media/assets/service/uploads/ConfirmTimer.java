package com.renovation.media.assets.service.uploads;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/** Debug timings of confirm's steps (complete, copy, inspect): where a large upload's confirm spends its time. */
final class ConfirmTimer {

    private static final Logger LOG = Logger.getLogger(ConfirmTimer.class);

    private ConfirmTimer() {
    }

    /** {@code step}, its duration logged at debug level when it ends, either way. */
    static <T> Uni<T> step(String name, Uni<T> step) {
        if (!LOG.isDebugEnabled()) {
            return step;
        }
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return step.onTermination().invoke((item, failure, cancelled) -> LOG.debugf("confirm step %s: %d ms%s",
                    name, (System.nanoTime() - started) / 1_000_000, failure == null ? "" : " (failed)"));
        });
    }
}
