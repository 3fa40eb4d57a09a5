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
        return enabled(System.getenv("PLATFORM_AOT_CACHE")) ? cacheOptions(jar) : List.of();
    }

    /** {@link #jvmOptions(Path)} with caches on. */
    static List<String> cacheOptions(Path jar) {
        Path cache = of(jar);
        return isCurrent(cache, jar) ? List.of("-XX:AOTCache=" + cache) : List.of("-XX:AOTCacheOutput=" + cache);
    }

    /**
     * The options for an engine run from the jars of {@code classpath} (Kafka, the S3 server), whose cache lives in
     * {@code dir}: named for the engine, the JDK and the class path, so another version of either trains a new one
     * (and the older caches of that engine are removed then). Kafka starts in about half the CPU time with it.
     */
    static List<String> engineOptions(Path dir, String engine, String classpath) throws IOException {
        return enabled(System.getenv("PLATFORM_AOT_CACHE")) ? engineCacheOptions(dir, engine, classpath) : List.of();
    }

    /** {@link #engineOptions} with caches on. */
    static List<String> engineCacheOptions(Path dir, String engine, String classpath) throws IOException {
        String prefix = engine + "-jdk" + Runtime.version().feature() + "." + Runtime.version().interim() + "."
                + Runtime.version().update() + "-";
        Path cache = dir.resolve(prefix + Integer.toHexString(classpath.hashCode()) + ".aot");
        if (Files.isRegularFile(cache) && Files.size(cache) > 0) {
            return List.of("-XX:AOTCache=" + cache);
        }
        Files.createDirectories(dir);
        try (var older = Files.list(dir)) {
            for (Path stale : older.filter(p -> p.getFileName().toString().startsWith(engine + "-jdk")).toList()) {
                Files.deleteIfExists(stale);
            }
        }
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    /**
     * Off before JDK 25, and when {@code setting} ({@code PLATFORM_AOT_CACHE}) is {@code off}: the tests start each
     * build and engine once and throw them away, where training and writing a cache only costs.
     */
    static boolean enabled(String setting) {
        return Runtime.version().feature() >= FIRST_RELEASE && !"off".equals(setting);
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
