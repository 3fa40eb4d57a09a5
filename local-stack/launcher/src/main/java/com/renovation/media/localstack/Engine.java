package com.renovation.media.localstack;

/** A real engine or service the platform runs. */
public interface Engine {
    String name();

    void start() throws Exception;

    /** Stops it and waits until it is gone. */
    void stop();

    /** Answers its health check right now. */
    boolean healthy();

    /** Where it listens, for the banner. */
    String address();

    /** Its process died without being asked to stop (crash, kill -9). */
    default boolean crashed() {
        return false;
    }
}
