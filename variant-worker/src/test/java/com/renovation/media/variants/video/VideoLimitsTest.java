package com.renovation.media.variants.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What a probed video must be to be accepted, and the reasons given when it is not. */
class VideoLimitsTest {

    private static final VideoLimits LIMITS = new VideoLimits(Duration.ofMinutes(10), 8_847_360);
    private static final String MP4_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2";

    private static ProbedVideo.VideoTrack track(int index, String codec, int width, int height) {
        return new ProbedVideo.VideoTrack(index, codec, width, height, 0, 1, 1);
    }

    private static ProbedVideo video(String format, double seconds, List<ProbedVideo.VideoTrack> tracks,
            ProbedVideo.AudioTrack audio) {
        return new ProbedVideo(format, seconds > 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty(), tracks,
                audio == null ? List.of() : List.of(audio));
    }

    private static String refusal(VideoContainer declared, ProbedVideo video) {
        VideoRejectedException refused = catchThrowableOfType(VideoRejectedException.class,
                () -> LIMITS.check(declared, video));
        assertThat(refused).as("refused").isNotNull();
        return refused.reason();
    }

    @Test
    void anOrdinaryClipIsAcceptedWithItsPosterTime() {
        AcceptedVideo accepted = LIMITS.check(VideoContainer.MP4, video(MP4_FAMILY, 3.0,
                List.of(track(0, "h264", 1920, 1080)), new ProbedVideo.AudioTrack(1, "aac")));
        assertThat(accepted.durationSeconds()).isEqualTo(3.0);
        assertThat(accepted.hasAudio()).isTrue();
        assertThat(accepted.posterSeconds()).isEqualTo(1.0);
        assertThat(LIMITS.check(VideoContainer.QUICKTIME, video(MP4_FAMILY, 0.6, List.of(track(0, "prores", 64, 48)),
                null)).posterSeconds()).isEqualTo(0.3);
    }

    @Test
    void theContainerMustBeTheDeclaredOnesFamily() {
        assertThat(refusal(VideoContainer.MP4, video("matroska,webm", 3, List.of(track(0, "vp9", 64, 48)), null)))
                .isEqualTo("the file is a matroska,webm file, not the declared MP4");
        assertThat(refusal(VideoContainer.WEBM, video(null, 3, List.of(track(0, "vp9", 64, 48)), null)))
                .isEqualTo("the file is of no known format, not the declared WebM");
    }

    @Test
    void aWebmCarriesOnlyItsOwnCodecs() {
        assertThat(refusal(VideoContainer.WEBM, video("matroska,webm", 3, List.of(track(0, "h264", 64, 48)), null)))
                .isEqualTo("a WebM file cannot carry h264 video");
        assertThat(refusal(VideoContainer.WEBM, video("matroska,webm", 3, List.of(track(0, "vp9", 64, 48)),
                new ProbedVideo.AudioTrack(1, "aac")))).isEqualTo("a WebM file cannot carry aac audio");
    }

    @Test
    void exactlyOneVideoStream() {
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 3, List.of(), new ProbedVideo.AudioTrack(0, "aac"))))
                .isEqualTo("the file has no video stream");
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 3,
                List.of(track(0, "h264", 64, 48), track(1, "h264", 32, 24)), null)))
                .isEqualTo("the file has 2 video streams; only one is accepted");
    }

    @Test
    void aKnownDurationWithinTheLimit() {
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 0, List.of(track(0, "h264", 64, 48)), null)))
                .isEqualTo("the video states no duration");
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 725.2, List.of(track(0, "h264", 64, 48)), null)))
                .isEqualTo("the video is 12:06 long, above the 10:00 limit");
        assertThat(LIMITS.check(VideoContainer.MP4, video(MP4_FAMILY, 600, List.of(track(0, "h264", 64, 48)), null))
                .durationSeconds()).isEqualTo(600);
    }

    @Test
    void aPictureWithinThePixelLimitAsStoredAndAsShown() {
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 3, List.of(track(0, "h264", 0, 48)), null)))
                .isEqualTo("the video stream states no picture size");
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 3, List.of(track(0, "h264", 7680, 4320)), null)))
                .isEqualTo("the picture is 7680×4320, above the 8.8 MP limit");
        // stored small, stretched huge by its pixel aspect ratio
        ProbedVideo.VideoTrack stretched = new ProbedVideo.VideoTrack(0, "h264", 1000, 1000, 0, 100, 1);
        assertThat(refusal(VideoContainer.MP4, video(MP4_FAMILY, 3, List.of(stretched), null)))
                .isEqualTo("the picture is 100000×1000, above the 8.8 MP limit");
        assertThat(LIMITS.check(VideoContainer.MP4, video(MP4_FAMILY, 3, List.of(track(0, "h264", 4096, 2160)), null)))
                .isNotNull();
    }

    @Test
    void clockReadingsRoundUp() {
        assertThat(VideoLimits.clock(5.0)).isEqualTo("0:05");
        assertThat(VideoLimits.clock(5.01)).isEqualTo("0:06");
        assertThat(VideoLimits.clock(3600)).isEqualTo("60:00");
    }
}
