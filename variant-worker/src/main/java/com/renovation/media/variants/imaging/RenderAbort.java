package com.renovation.media.variants.imaging;

import com.renovation.media.variants.imaging.vips.VipsImage;

/**
 * Lets another thread stop one render: libvips is told to stop computing the image in progress (it checks
 * between strips, and the computation then fails), the rendering thread is interrupted, and the pipeline gives
 * up at its next step. Aborting after the render finished changes nothing.
 */
public final class RenderAbort {

    private volatile boolean aborted;
    private volatile String reason;
    private VipsImage computing;
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
        if (computing != null) {
            computing.kill();
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
        computing = null;
        if (aborted) {
            Thread.interrupted(); // the abort's interrupt must not leak into the pool thread's next task
        }
    }

    /** The image now being computed (null: none); it must be cleared here before it is closed. */
    synchronized void computing(VipsImage image) {
        computing = image;
        if (aborted && image != null) {
            image.kill();
        }
    }
}
