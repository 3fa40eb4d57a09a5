package com.renovation.media.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM's ahead-of-time cache of a service (JDK 25, JEP 483/514/515): its classes loaded and linked, and the
 * method profiles of a real run, read at start instead of redone. The first run after a build trains it: the
 * service runs as usual and the JVM writes the cache when it stops. Later starts read it, which halves the
 * service's start-up and spares the first requests the interpreter. A cache is kept per build (older than the
 * jar: trained again) and per JDK (another release cannot read it); the JVM checks the class path itself and
 * starts without a cache it cannot use.
 */
final class AotCache {

    private static final int FIRST_RELEASE = 25;

    private AotCache() {
    }

    /** Where the cache of the service run from {@code jar} lives, for the JDK running this launcher. */
    static Path of(Path jar) {
        return jar.resolveSibling("app-jdk" + Runtime.version().feature() + "." + Runtime.version().interim() + "."
                + Runtime.version().update() + ".aot");
    }

    /** The JVM options that read the cache, or train it when there is none for this build. */
    static List<String> jvmOptions(Path jar) {
        // the browser tests start each build once and throw it away: training and writing a cache only costs there
        if (Runtime.version().feature() < FIRST_RELEASE || "off".equals(System.getenv("PLATFORM_AOT_CACHE"))) {
            return List.of();
        }
        Path cache = of(jar);
        return isCurrent(cache, jar) ? List.of("-XX:AOTCache=" + cache) : List.of("-XX:AOTCacheOutput=" + cache);
    }

    /** Whether a start would read the cache (else it trains one). */
    static boolean isCurrent(Path cache, Path jar) {
        try {
            return Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException missing) {
            return false;
        }
    }
}
