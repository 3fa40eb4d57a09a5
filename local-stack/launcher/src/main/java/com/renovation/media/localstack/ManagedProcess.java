package com.renovation.media.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process with its output in a log file and its pid in a pid file, so that {@code ./platform down} can
 * stop it even when the launcher that started it is gone.
 */
final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path pidFile) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> extraEnv, Path workDir,
            PlatformSettings settings) throws IOException {
        Files.createDirectories(settings.logDir());
        Files.createDirectories(settings.runDir());
        Path log = settings.logDir().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(ownSession(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        Path pidFile = settings.runDir().resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ManagedProcess(name, process, pidFile);
    }

    /**
     * The command in a session of its own where util-linux's setsid is there (it execs the command: the pid stays
     * the program's). A terminal's Ctrl-C, or a signal to the launcher's process group, then reaches the launcher
     * alone, whose hook stops the services before Kafka and PostgreSQL: signalled together, Kafka went first and the
     * services could not leave their consumer groups, so the next start's first events waited for the old members'
     * sessions to expire (19 s seen). Elsewhere (macOS) the command runs as it is.
     */
    static List<String> ownSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new java.util.ArrayList<>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    void stop(Duration grace) {
        terminate(process.toHandle(), grace);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: down checks the pid is alive before signalling it
        }
    }

    static void terminate(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more can be done than SIGKILL
            }
        }
    }

    /** The live process a pid file names, if any. */
    static Optional<ProcessHandle> fromPidFile(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip().split("\\s+")[0]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A java command on the same JDK as the launcher. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
