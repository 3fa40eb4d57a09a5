package com.renovation.media.variants.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * ffprobe and ffmpeg as the worker runs them: on files of one job's folder only ({@code file:} paths, the
 * {@code file} protocol alone, the container's own demuxer forced, so neither a network address nor a playlist,
 * an image sequence or a reference to another file is ever followed), under {@link MediaProcess}'s limits.
 * Players' rotation is applied (ffmpeg turns the picture upright by default), metadata is not copied.
 */
public final class VideoTools {

    /** ffprobe's report is small; a file that makes it print more is hostile. */
    static final int MAX_PROBE_OUTPUT = 1024 * 1024;
    /** The quality of the web MP4 (x264's constant rate factor; 23 is its default and a web norm). */
    public static final int CRF = 23;
    public static final int AUDIO_BITRATE_KBPS = 128;

    private final long addressSpaceBytes;
    private final Duration probeTimeout;
    private final Duration posterTimeout;
    private final Duration transcodeTimeout;
    private final String x264Preset;
    private final int threads;

    public VideoTools(long addressSpaceBytes, Duration probeTimeout, Duration posterTimeout, Duration transcodeTimeout,
            String x264Preset, int threads) {
        this.addressSpaceBytes = addressSpaceBytes;
        this.probeTimeout = probeTimeout;
        this.posterTimeout = posterTimeout;
        this.transcodeTimeout = transcodeTimeout;
        this.x264Preset = x264Preset;
        this.threads = threads;
    }

    /**
     * What the file holds, read as the declared container.
     *
     * @throws VideoRejectedException the declared container's demuxer cannot read it
     */
    public ProbedVideo probe(Path file, VideoContainer container) {
        List<String> arguments = List.of("-hide_banner", "-v", "error", "-protocol_whitelist", "file",
                "-f", container.demuxer(), "-print_format", "json", "-show_format", "-show_streams", input(file));
        String json;
        try {
            json = MediaProcess.capture("ffprobe", arguments, file.getParent(),
                    new MediaProcess.Limits(probeTimeout, addressSpaceBytes), MAX_PROBE_OUTPUT, ToolAbort.none());
        } catch (MediaToolException e) {
            throw new VideoRejectedException("not a readable " + container.label() + " video ("
                    + e.reason().replaceFirst("^ffprobe failed: ", "") + ")");
        }
        return ProbedVideo.of(ProbeJson.parse(json));
    }

    /**
     * One frame, upright, as PNG: at {@link AcceptedVideo#posterSeconds()}.
     *
     * @throws VideoRejectedException no frame could be decoded there
     */
    public byte[] poster(Path file, VideoContainer container, AcceptedVideo video) {
        Path png = file.resolveSibling("poster.png");
        List<String> arguments = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-v", "error", "-y",
                "-protocol_whitelist", "file", "-ss", seconds(video.posterSeconds()), "-f", container.demuxer(),
                "-i", input(file), "-map", "0:" + video.video().index(), "-frames:v", "1", "-an", "-sn", "-dn",
                "-map_metadata", "-1", "-c:v", "png", "-f", "image2", output(png)));
        try {
            MediaProcess.capture("ffmpeg", arguments, file.getParent(),
                    new MediaProcess.Limits(posterTimeout, addressSpaceBytes), 0, ToolAbort.none());
            if (!Files.isRegularFile(png) || Files.size(png) == 0) {
                throw new VideoRejectedException("no frame of the video could be decoded");
            }
            return Files.readAllBytes(png);
        } catch (MediaToolException e) {
            throw new VideoRejectedException("no frame of the video could be decoded ("
                    + e.reason().replaceFirst("^ffmpeg failed: ", "") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(png);
        }
    }

    /**
     * The web MP4: H.264 (x264 at the configured preset, CRF {@value #CRF}, yuv420p) at the copy's size, AAC
     * {@value #AUDIO_BITRATE_KBPS} kbit/s stereo when the copy has sound (no audio track when it has none), index
     * first ({@code +faststart}), no metadata, at most the accepted duration. {@code percentages} gets ffmpeg's
     * progress as it comes, on a reader thread.
     *
     * @throws MediaToolException ffmpeg failed, ran past the transcode timeout or was aborted
     */
    public void transcode(Path file, VideoContainer container, WebCopy copy, Path output, IntConsumer percentages,
            ToolAbort abort) {
        List<String> arguments = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-v", "error", "-y",
                "-protocol_whitelist", "file", "-f", container.demuxer(), "-i", input(file),
                "-map", "0:" + copy.videoStream()));
        if (copy.hasAudio()) {
            arguments.addAll(List.of("-map", "0:" + copy.audioStream()));
        }
        arguments.addAll(List.of("-t", seconds(copy.durationSeconds()), "-vf", copy.size().filter(),
                "-c:v", "libx264", "-preset", x264Preset, "-crf", String.valueOf(CRF), "-pix_fmt", "yuv420p",
                "-threads", String.valueOf(threads)));
        if (copy.hasAudio()) {
            arguments.addAll(List.of("-c:a", "aac", "-b:a", AUDIO_BITRATE_KBPS + "k", "-ac", "2"));
        } else {
            arguments.add("-an");
        }
        arguments.addAll(List.of("-sn", "-dn", "-map_metadata", "-1", "-map_chapters", "-1",
                "-movflags", "+faststart", "-progress", "pipe:1", "-nostats", "-stats_period", "0.2",
                "-f", "mp4", output(output)));
        FfmpegProgress progress = new FfmpegProgress(copy.durationSeconds(), percentages);
        MediaProcess.stream("ffmpeg", arguments, file.getParent(),
                new MediaProcess.Limits(transcodeTimeout, addressSpaceBytes), progress::line, abort);
    }

    private static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static String output(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the job's folder is removed whole afterwards
        }
    }
}
