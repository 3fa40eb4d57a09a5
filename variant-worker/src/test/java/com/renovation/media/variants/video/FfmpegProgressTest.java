package com.renovation.media.variants.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** ffmpeg's {@code -progress} blocks read into percentages, and which of those are announced. */
class FfmpegProgressTest {

    /** Blocks as ffmpeg 5.1 printed them transcoding a 3 s clip, fields it adds and N/A values included. */
    private static final String PRINTED = """
            frame=0
            fps=0.00
            stream_0_0_q=0.0
            bitrate=N/A
            total_size=48
            out_time_us=N/A
            out_time_ms=N/A
            out_time=N/A
            dup_frames=0
            drop_frames=0
            speed=N/A
            progress=continue
            frame=23
            out_time_us=928798
            out_time=00:00:00.928798
            progress=continue
            frame=52
            out_time_us=2090000
            progress=continue
            frame=75
            out_time_us=3018594
            speed=14.4x
            progress=end
            """;

    @Test
    void eachBlockEndsInThePercentageOfThePlayingTimeWritten() {
        List<Integer> percentages = new ArrayList<>();
        FfmpegProgress progress = new FfmpegProgress(3.0, percentages::add);
        PRINTED.lines().forEach(progress::line);
        assertThat(percentages).containsExactly(0, 30, 69, 100);
        assertThat(progress.percent()).isEqualTo(100);
    }

    @Test
    void itStaysBelow100UntilTheEndAndNeverGoesBack() {
        List<Integer> percentages = new ArrayList<>();
        FfmpegProgress progress = new FfmpegProgress(2.0, percentages::add);
        for (String line : List.of("out_time_us=1500000", "progress=continue", "out_time_us=900000",
                "progress=continue", "out_time_us=2600000", "progress=continue", "garbage", "=5", "out_time_us=x",
                "progress=continue", "progress=end")) {
            progress.line(line);
        }
        assertThat(percentages).containsExactly(75, 75, 99, 99, 100);
    }

    @Test
    void announcedStepsAreTenPointsApartAndLeave100ToTheReadyEvent() {
        ProgressSteps steps = new ProgressSteps(10);
        List<Integer> announced = new ArrayList<>();
        for (int percent : new int[] {0, 3, 9, 10, 12, 19, 20, 45, 46, 55, 56, 99, 100}) {
            OptionalInt next = steps.next(percent);
            next.ifPresent(announced::add);
        }
        assertThat(announced).containsExactly(10, 20, 45, 55, 99);
    }
}
