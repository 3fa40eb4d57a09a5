package com.renovation.media.variants.video;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs ffmpeg or ffprobe on files of one job's folder, under limits: an address-space cap ({@code prlimit --as},
 * so a hostile file cannot make the tool take the machine's memory), a wall-clock deadline after which the
 * process and its children are killed, no standard input, an environment of its own (nothing of the worker's,
 * credentials included, reaches the tool) and the job's folder as working directory. What the tool prints on
 * stderr is kept (its tail) for the reason of a failure.
 */
public final class MediaProcess {

    /** How much of stderr is kept for a failure's reason. */
    static final int STDERR_TAIL = 8 * 1024;
    private static final int REASON_LENGTH = 300;

    /** The deadline and the address-space cap of one run. */
    public record Limits(Duration timeout, long addressSpaceBytes) {
    }

    private MediaProcess() {
    }

    /**
     * Runs the tool and answers what it printed on stdout.
     *
     * @throws MediaToolException the tool failed, printed more than {@code maxStdoutBytes}, ran too long or was aborted
     */
    public static String capture(String tool, List<String> arguments, Path folder, Limits limits, int maxStdoutBytes,
            ToolAbort abort) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        run(tool, arguments, folder, limits, abort, in -> {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (stdout.size() + read > maxStdoutBytes) {
                    return tool + " printed more than " + maxStdoutBytes + " bytes about the file";
                }
                stdout.write(buffer, 0, read);
            }
            return null;
        });
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs the tool, handing each line it prints on stdout to {@code lines} (on a reader thread, in order).
     *
     * @throws MediaToolException the tool failed, ran too long or was aborted
     */
    public static void stream(String tool, List<String> arguments, Path folder, Limits limits, Consumer<String> lines,
            ToolAbort abort) {
        run(tool, arguments, folder, limits, abort, in -> {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    lines.accept(line.toString());
                    line.setLength(0);
                } else if (line.length() < 4096) {
                    line.append((char) c);
                }
            }
            return null;
        });
    }

    /** Reads a stream to its end; answers null, or why the process must be stopped. */
    private interface StdoutReader {
        String read(InputStream in) throws IOException;
    }

    private static void run(String tool, List<String> arguments, Path folder, Limits limits, ToolAbort abort,
            StdoutReader reader) {
        List<String> command = new ArrayList<>(List.of("prlimit", "--as=" + limits.addressSpaceBytes(), "--", tool));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LC_ALL", "C");
        env.put("HOME", folder.toString());
        // glibc reserves address space per malloc arena (one per thread otherwise): the cap is for memory, not arenas
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("AV_LOG_FORCE_NOCOLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + tool + " (is it installed?)", e);
        }
        abort.attach(process);
        StderrTail stderr = new StderrTail(process.getErrorStream());
        Thread stderrReader = Thread.ofVirtual().name(tool + "-stderr").start(stderr);
        String[] stopReason = new String[1];
        Thread stdoutReader = Thread.ofVirtual().name(tool + "-stdout").start(() -> {
            try (InputStream in = process.getInputStream()) {
                stopReason[0] = reader.read(in);
                if (stopReason[0] != null) {
                    killTree(process);
                }
            } catch (IOException | RuntimeException e) {
                stopReason[0] = tool + "'s output could not be read: " + e.getMessage();
                killTree(process);
            }
        });
        try {
            boolean exited = process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                killTree(process);
                process.waitFor(5, TimeUnit.SECONDS);
            }
            stdoutReader.join(Duration.ofSeconds(5));
            stderrReader.join(Duration.ofSeconds(5));
            if (abort.aborted()) {
                throw new MediaToolException(abort.reason(), false, true);
            }
            if (!exited) {
                throw new MediaToolException(tool + " took longer than " + readable(limits.timeout()), true, false);
            }
            if (stopReason[0] != null) {
                throw new MediaToolException(stopReason[0], false, false);
            }
            if (process.exitValue() != 0) {
                throw new MediaToolException(tool + " failed: " + summary(stderr.text(), folder), false, false);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new MediaToolException(tool + " was interrupted", false, true);
        } finally {
            abort.detach();
        }
    }

    /** Kills the process and every process it started. */
    static void killTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The tool's error lines as a reason: "the job's file: " prefixes dropped, the job's folder taken out of
     * other paths, the
     * "[demuxer @ 0x…]" prefixes dropped, repeated lines once, at most {@link #REASON_LENGTH} characters.
     */
    static String summary(String stderr, Path folder) {
        List<String> lines = new ArrayList<>();
        for (String raw : stderr.split("\n")) {
            String line = raw.replaceFirst("^(file:)?" + Pattern.quote(folder + "/") + "[^:]*: ", "")
                    .replace("file:" + folder + "/", "").replace(folder + "/", "")
                    .replaceAll("^\\[[^\\]]*@ 0x[0-9a-fA-F]+\\] ", "").strip();
            if (!line.isEmpty() && !lines.contains(line)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return "no error message";
        }
        String joined = String.join("; ", lines);
        return joined.length() <= REASON_LENGTH ? joined : joined.substring(0, REASON_LENGTH - 1) + "…";
    }

    static String readable(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Keeps the last {@link #STDERR_TAIL} bytes of a stream. */
    private static final class StderrTail implements Runnable {
        private final InputStream in;
        private final byte[] tail = new byte[STDERR_TAIL];
        private int length;

        StderrTail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    append(buffer, read);
                }
            } catch (IOException e) {
                // the process is gone: what was read is what there is
            }
        }

        private synchronized void append(byte[] buffer, int read) {
            if (read >= tail.length) {
                System.arraycopy(buffer, read - tail.length, tail, 0, tail.length);
                length = tail.length;
                return;
            }
            int keep = Math.min(length, tail.length - read);
            System.arraycopy(tail, length - keep, tail, 0, keep);
            System.arraycopy(buffer, 0, tail, keep, read);
            length = keep + read;
        }

        synchronized String text() {
            return new String(tail, 0, length, StandardCharsets.UTF_8);
        }
    }
}
