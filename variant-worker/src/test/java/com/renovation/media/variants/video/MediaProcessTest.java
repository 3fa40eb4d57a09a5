package com.renovation.media.variants.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits every ffmpeg and ffprobe run is under, tried on ordinary processes (and ffmpeg for memory). */
class MediaProcessTest {

    private static final MediaProcess.Limits ROOMY = new MediaProcess.Limits(Duration.ofSeconds(20), 1L << 30);

    @TempDir
    Path folder;

    @Test
    void aProcessPastItsDeadlineIsKilledWithTheChildrenItStarted() {
        List<String> lines = new CopyOnWriteArrayList<>();
        long begin = System.nanoTime();
        assertThatThrownBy(() -> MediaProcess.stream("sh", List.of("-c", "sleep 60 & echo $!; wait"), folder,
                new MediaProcess.Limits(Duration.ofMillis(500), 1L << 30), lines::add, ToolAbort.none()))
                .isInstanceOfSatisfying(MediaToolException.class, e -> {
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.reason()).isEqualTo("sh took longer than 500 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(lines.get(0).strip());
        // SIGKILL is delivered at once; the orphan is reaped shortly after
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void anAbortKillsTheRunningProcess() throws InterruptedException {
        ToolAbort abort = new ToolAbort();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            abort.abort("the video was deleted");
        });
        assertThatThrownBy(() -> MediaProcess.capture("sleep", List.of("30"), folder, ROOMY, 100, abort))
                .isInstanceOfSatisfying(MediaToolException.class, e -> {
                    assertThat(e.aborted()).isTrue();
                    assertThat(e.reason()).isEqualTo("the video was deleted");
                });
    }

    @Test
    void theAddressSpaceCapStopsAToolThatWantsMore() {
        List<String> decode4k = List.of("-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=3840x2160",
                "-frames:v", "1", "-f", "null", "-");
        MediaProcess.capture("ffmpeg", decode4k, folder, ROOMY, 0, ToolAbort.none());
        assertThatThrownBy(() -> MediaProcess.capture("ffmpeg", decode4k, folder,
                new MediaProcess.Limits(Duration.ofSeconds(20), 48L << 20), 0, ToolAbort.none()))
                .isInstanceOf(MediaToolException.class).hasMessageStartingWith("ffmpeg failed: ");
    }

    @Test
    void theToolGetsNoneOfTheWorkersEnvironmentAndRunsInTheJobsFolder() {
        List<String> lines = new CopyOnWriteArrayList<>();
        MediaProcess.stream("sh", List.of("-c", "env; pwd"), folder, ROOMY, lines::add, ToolAbort.none());
        assertThat(lines).contains(folder.toString());
        assertThat(lines.stream().filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('='))))
                .allMatch(name -> List.of("PATH", "LC_ALL", "HOME", "MALLOC_ARENA_MAX", "AV_LOG_FORCE_NOCOLOR", "PWD",
                        "SHLVL", "_").contains(name));
    }

    @Test
    void moreOutputThanAllowedIsAFailure() {
        assertThatThrownBy(() -> MediaProcess.capture("head", List.of("-c", "5000", "/dev/zero"), folder, ROOMY, 1000,
                ToolAbort.none())).isInstanceOf(MediaToolException.class)
                .hasMessage("head printed more than 1000 bytes about the file");
    }

    @Test
    void aFailuresReasonIsTheToolsOwnLinesWithoutThePathsOfTheJob() {
        Path job = Path.of("/tmp/variant-worker-videos/probe-123");
        String stderr = """
                [mov,mp4,m4a,3gp,3g2,mj2 @ 0x55a2c50cb280] moov atom not found
                file:/tmp/variant-worker-videos/probe-123/source: Invalid data found when processing input
                [mov,mp4,m4a,3gp,3g2,mj2 @ 0x55a2c50cb281] moov atom not found
                """;
        assertThat(MediaProcess.summary(stderr, job))
                .isEqualTo("moov atom not found; Invalid data found when processing input");
        assertThat(MediaProcess.summary("Error opening output file:/tmp/variant-worker-videos/probe-123/poster.png",
                job)).isEqualTo("Error opening output poster.png");
        assertThat(MediaProcess.summary("\n", job)).isEqualTo("no error message");
        assertThat(MediaProcess.summary("x".repeat(1000), job)).hasSize(300).endsWith("…");
    }
}
