package com.renovation.media.storage.s3;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.crt.CRT;

/**
 * Keeps the AWS CRT (the async S3 client's native runtime) alive until the service has drained. The CRT shuts itself
 * down in a JVM shutdown hook, which runs the moment SIGTERM arrives, beside Quarkus's own: every S3 call in flight
 * or made during the drain (a confirm's checksum read, a part completion) would then hang until the drain's timeout
 * and be cut. Holding a shutdown reference from start defers that to the end of {@link ShutdownEvent}, which comes
 * after the HTTP drain.
 */
@ApplicationScoped
public class CrtLifetime {

    private final AtomicBoolean held = new AtomicBoolean();

    void hold(@Observes StartupEvent event) {
        if (held.compareAndSet(false, true)) {
            CRT.acquireShutdownRef();
        }
    }

    /** Last among the shutdown observers: consumers and the outbox relay finish their S3 work first. */
    void release(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (held.compareAndSet(true, false)) {
            CRT.releaseShutdownRef();
        }
    }
}
