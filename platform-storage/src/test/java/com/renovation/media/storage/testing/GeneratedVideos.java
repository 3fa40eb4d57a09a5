package com.renovation.media.storage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Real videos made at test time by Debian's ffmpeg from its generated sources (a test pattern and a sine tone):
 * nothing is downloaded, and each call's file differs from every other's (its own comment tag), as a person's
 * videos do (a session refuses bytes it already holds).
 */
public final class GeneratedVideos {

    private GeneratedVideos() {
    }

    /** H.264/AAC in MP4 (brand isom). */
    public static byte[] mp4(int seconds, int width, int height) {
        return make("mp4", seconds, width, height, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac");
    }

    /** H.264/AAC in a QuickTime movie (brand "qt  "). */
    public static byte[] mov(int seconds, int width, int height) {
        return make("mov", seconds, width, height, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac");
    }

    /** VP9/Opus in WebM. */
    public static byte[] webm(int seconds, int width, int height) {
        return make("webm", seconds, width, height, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8",
                "-c:a", "libopus");
    }

    /** H.264/AAC in Matroska (DocType "matroska"): an MKV, which the platform does not take. */
    public static byte[] mkv(int seconds, int width, int height) {
        return make("mkv", seconds, width, height, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac");
    }

    private static byte[] make(String extension, int seconds, int width, int height, String... codecs) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=duration=" + seconds + ":size="
                + width + "x" + height + ":rate=25", "-f", "lavfi", "-i", "sine=duration=" + seconds));
        args.addAll(List.of(codecs));
        args.addAll(List.of("-metadata", "comment=" + UUID.randomUUID()));
        return ffmpeg(extension, args);
    }

    /**
     * Runs ffmpeg with {@code args} (inputs, codecs, options) writing one file of {@code extension}; answers its
     * bytes. Fails with ffmpeg's own message when it fails, and with how to install it when it is missing.
     */
    public static byte[] ffmpeg(String extension, List<String> args) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("generated-video");
            Path out = dir.resolve("video." + extension);
            Path log = dir.resolve("ffmpeg.log");
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
            command.addAll(args);
            command.add(out.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg took more than 60 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed (" + process.exitValue() + "): "
                        + Files.readString(log));
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg could not be run; install Debian's ffmpeg "
                    + "(apt-get install -y --no-install-recommends ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind harms no test
        }
    }
}
