package com.renovation.media.variants.imaging;

import javax.imageio.ImageReader;

/**
 * Lets another thread stop one render: it asks the ImageIO reader in use to abort (readers check between rows
 * or blocks), interrupts the rendering thread, and makes the pipeline give up at its next step. Aborting after
 * the render finished changes nothing.
 */
public final class RenderAbort {

    private volatile boolean aborted;
    private volatile String reason;
    private ImageReader reader;
    private Thread worker;

    /** For renders nobody will abort (tests, benchmarks). */
    public static RenderAbort never() {
        return new RenderAbort();
    }

    public synchronized void abort(String why) {
        if (aborted) {
            return;
        }
        reason = why;
        aborted = true;
        if (reader != null) {
            reader.abort();
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    public boolean aborted() {
        return aborted;
    }

    /** @throws ImageRejectedException once aborted, with the reason given */
    void check() {
        if (aborted) {
            throw new ImageRejectedException(reason);
        }
    }

    /** Called by the thread that renders, which is interrupted on abort. */
    public synchronized void start() {
        worker = Thread.currentThread();
        if (aborted) {
            worker.interrupt();
        }
    }

    /** Called by the rendering thread when it is done, before it takes other work. */
    public synchronized void finish() {
        worker = null;
        reader = null;
        if (aborted) {
            Thread.interrupted(); // the abort's interrupt must not leak into the pool thread's next task
        }
    }

    synchronized void reading(ImageReader current) {
        reader = current;
        if (aborted && current != null) {
            current.abort();
        }
    }
}
