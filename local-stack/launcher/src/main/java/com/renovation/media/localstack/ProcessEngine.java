package com.renovation.media.localstack;

import java.time.Duration;

/** An engine that runs as a child process of the launcher: crashed when that process died on its own. */
abstract class ProcessEngine implements Engine {

    /** Set by {@link #start()}, cleared by {@link #stop()}. */
    protected ManagedProcess process;
    private final Duration stopTimeout;

    /** @param stopTimeout how long a SIGTERM may take (brokers flush their logs) before the process is killed */
    protected ProcessEngine(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    @Override
    public boolean crashed() {
        return process != null && !process.isAlive();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(stopTimeout);
            process = null;
        }
    }
}
