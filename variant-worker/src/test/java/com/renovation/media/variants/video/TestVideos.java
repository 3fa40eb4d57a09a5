package com.renovation.media.variants.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Videos generated with ffmpeg's lavfi sources (testsrc, sine, colour fields) at test time, and the means to look
 * into what the worker made of them: ffprobe's report and the order of an MP4's top-level boxes.
 */
public final class TestVideos {

    private TestVideos() {
    }

    /** 3 s of 640×360 testsrc at 25 fps, H.264 and AAC (a 440 Hz tone), in MP4. */
    public static byte[] mp4() {
        return ffmpeg("clip.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /**
     * A phone's portrait clip: shown 360×640, red above blue, but stored sideways (640×360) with a rotation for
     * the player, as phones write them.
     */
    public static byte[] rotatedPortrait() {
        byte[] sideways = ffmpeg("sideways.mp4", "-f", "lavfi",
                "-i", "color=red:s=360x320:d=3:r=25[top];color=blue:s=360x320:d=3:r=25[bottom];"
                        + "[top][bottom]vstack,transpose=clock",
                "-f", "lavfi", "-i", "sine=frequency=660:duration=3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        // the rotation is written when the streams are copied (an encode drops it): a display matrix of 90°
        return remuxed(sideways, "portrait.mp4", "-c", "copy", "-metadata:s:v:0", "rotate=90");
    }

    /** 2 s of 320×240 H.264 without sound, in a QuickTime file. */
    public static byte[] silentMov() {
        return ffmpeg("silent.mov", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "mov");
    }

    /** 2 s of 480×270 VP9 and Opus in WebM. */
    public static byte[] webm() {
        return ffmpeg("clip.webm", "-f", "lavfi", "-i", "testsrc=size=480x270:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=330:duration=2", "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-c:a", "libopus", "-shortest", "-f", "webm");
    }

    /** An MP4 with two video streams (and no sound). */
    public static byte[] twoVideoStreams() {
        return ffmpeg("two.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2",
                "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2", "-map", "0", "-map", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** A small MP4 of {@code seconds} (tests lower the maximum duration to 5 s). */
    public static byte[] mp4Of(int seconds) {
        return ffmpeg("long.mp4", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** A Matroska file with H.264 inside: what a WebM must not carry. */
    public static byte[] h264InMatroska() {
        return ffmpeg("h264.mkv", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "matroska");
    }

    /** An ISO-BMFF {@code ftyp} box as an MP4 starts, then random bytes: no container behind the brand. */
    public static byte[] ftypThenGarbage() {
        ByteBuffer ftyp = ByteBuffer.allocate(24);
        ftyp.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(512).put(ascii("isom")).put(ascii("iso2"));
        byte[] garbage = new byte[200_000];
        new Random(19).nextBytes(garbage);
        byte[] file = new byte[24 + garbage.length];
        System.arraycopy(ftyp.array(), 0, file, 0, 24);
        System.arraycopy(garbage, 0, file, 24, garbage.length);
        return file;
    }

    /** ffprobe's report of a file the worker made, read as the worker reads its sources. */
    public static ProbedVideo probe(byte[] video) {
        Path folder = tempFolder();
        try {
            Path file = folder.resolve("made.mp4");
            Files.write(file, video);
            return ProbedVideo.of(ProbeJson.parse(run(folder, List.of("ffprobe", "-v", "error", "-print_format", "json",
                    "-show_format", "-show_streams", file.toString()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    /** The types of an ISO-BMFF file's top-level boxes, in order ("moov" before "mdat": it starts playing at once). */
    public static List<String> topLevelBoxes(byte[] mp4) {
        List<String> boxes = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(mp4);
        while (in.remaining() >= 8) {
            int start = in.position();
            long size = Integer.toUnsignedLong(in.getInt());
            byte[] type = new byte[4];
            in.get(type);
            if (size == 1) {
                size = in.getLong();
            } else if (size == 0) {
                size = mp4.length - start;
            }
            boxes.add(new String(type, StandardCharsets.ISO_8859_1));
            if (size < 8 || start + size > mp4.length) {
                break;
            }
            in.position((int) (start + size));
        }
        return boxes;
    }

    private static byte[] remuxed(byte[] source, String name, String... arguments) {
        Path folder = tempFolder();
        try {
            Path input = folder.resolve("input-" + name);
            Files.write(input, source);
            List<String> all = new ArrayList<>(List.of("-i", input.toString()));
            all.addAll(List.of(arguments));
            return ffmpeg(name, all.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static byte[] ffmpeg(String name, String... arguments) {
        Path folder = tempFolder();
        try {
            Path file = folder.resolve(name);
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
            command.addAll(List.of(arguments));
            command.add(file.toString());
            run(folder, command);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static String run(Path folder, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectError(folder.resolve("stderr.txt").toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: "
                        + Files.readString(folder.resolve("stderr.txt")));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("test-video-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
