package com.renovation.media.variants.imaging;

import java.util.concurrent.ThreadFactory;

/** Daemon threads named for the imaging work they do: a render in flight must never keep a stopping JVM alive. */
public final class ImagingThreads {

    private ImagingThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
