package com.renovation.media.variants.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ffprobe's JSON, as ffmpeg 5.1 prints it for generated clips, read into what the worker decides on. */
class ProbedVideoTest {

    private static ProbedVideo probed(String name) throws IOException {
        try (InputStream in = ProbedVideoTest.class.getResourceAsStream("/ffprobe/" + name + ".json")) {
            return ProbedVideo.of(ProbeJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aRotatedClipIsShownTurnedWithItsSidesSwapped() throws IOException {
        ProbedVideo video = probed("rotated-h264-aac");
        assertThat(video.formatName()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(video.durationSeconds()).hasValue(3.0);
        assertThat(video.videoTracks()).hasSize(1);
        ProbedVideo.VideoTrack track = video.videoTracks().get(0);
        assertThat(track.codec()).isEqualTo("h264");
        assertThat(track.storedWidth()).isEqualTo(640);
        assertThat(track.storedHeight()).isEqualTo(360);
        assertThat(track.rotation()).isEqualTo(90);
        assertThat(track.displayedWidth()).isEqualTo(360);
        assertThat(track.displayedHeight()).isEqualTo(640);
        assertThat(video.audio().codec()).isEqualTo("aac");
        assertThat(video.audio().index()).isEqualTo(1);
    }

    @Test
    void coverArtIsNotASecondVideoStream() throws IOException {
        ProbedVideo video = probed("cover-art-h264-aac");
        assertThat(video.videoTracks()).extracting(ProbedVideo.VideoTrack::index).containsExactly(0);
        assertThat(video.videoTracks().get(0).rotation()).isZero();
    }

    @Test
    void nonSquarePixelsAreStretchedToTheirDisplayedWidth() throws IOException {
        ProbedVideo.VideoTrack track = probed("anamorphic-h264").videoTracks().get(0);
        assertThat(track.storedWidth()).isEqualTo(720);
        assertThat(track.displayedWidth()).isEqualTo(768); // 720 × 16/15
        assertThat(track.displayedHeight()).isEqualTo(576);
        assertThat(probed("anamorphic-h264").audio()).as("silent").isNull();
    }

    @Test
    void aWebmStatesItsDurationOnlyForTheWholeFile() throws IOException {
        ProbedVideo video = probed("vp9-opus-webm");
        assertThat(video.formatName()).isEqualTo("matroska,webm");
        assertThat(video.durationSeconds()).hasValue(3.008);
        assertThat(video.videoTracks().get(0).codec()).isEqualTo("vp9");
        assertThat(video.audio().codec()).isEqualTo("opus");
    }

    @Test
    void theLongestStreamGivesTheDurationWhenTheContainerStatesNone() {
        ProbedVideo video = ProbedVideo.of(ProbeJson.parse("""
                {"streams": [
                  {"index": 0, "codec_type": "video", "codec_name": "h264", "width": 64, "height": 48, "duration": "2.5"},
                  {"index": 1, "codec_type": "audio", "codec_name": "aac", "duration": "2.75"}],
                 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "N/A"}}"""));
        assertThat(video.durationSeconds()).hasValue(2.75);
    }

    @Test
    void theOlderRotateTagTurnsToo() {
        ProbedVideo video = ProbedVideo.of(ProbeJson.parse("""
                {"streams": [{"index": 0, "codec_type": "video", "codec_name": "h264", "width": 1920, "height": 1080,
                  "tags": {"rotate": "270"}}], "format": {"format_name": "mov,mp4", "duration": "1"}}"""));
        assertThat(video.videoTracks().get(0).rotation()).isEqualTo(270);
        assertThat(video.videoTracks().get(0).displayedWidth()).isEqualTo(1080);
    }

    @Test
    void rotationsAreQuarterTurnsOrNone() {
        assertThat(rotationOf("-90")).isEqualTo(270);
        assertThat(rotationOf("-180.00")).isEqualTo(180);
        assertThat(rotationOf("450")).isEqualTo(90);
        assertThat(rotationOf("45")).isZero();
        assertThat(rotationOf("1e400")).isZero();
    }

    private static int rotationOf(String degrees) {
        return ProbedVideo.of(ProbeJson.parse("""
                {"streams": [{"index": 0, "codec_type": "video", "width": 4, "height": 2,
                  "side_data_list": [{"side_data_type": "Display Matrix", "rotation": %s}]}]}""".formatted(degrees)))
                .videoTracks().get(0).rotation();
    }

    @Test
    void unreadableRatiosAndDurationsCountAsUnknown() {
        ProbedVideo video = ProbedVideo.of(ProbeJson.parse("""
                {"streams": [{"index": 0, "codec_type": "video", "width": 100, "height": 50,
                  "sample_aspect_ratio": "0:1", "duration": "-3"}], "format": {"duration": "NaN"}}"""));
        assertThat(video.durationSeconds()).isEmpty();
        assertThat(video.videoTracks().get(0).displayedWidth()).isEqualTo(100);
        assertThat(video.formatName()).isNull();
    }

    @Test
    void textThatIsNotFfprobesJsonIsARefusal() {
        assertThatThrownBy(() -> ProbeJson.parse("{\"streams\": [")).isInstanceOf(VideoRejectedException.class)
                .hasMessageStartingWith("ffprobe's report could not be read");
        assertThat(ProbedVideo.of(ProbeJson.parse("{}")).videoTracks()).isEmpty();
    }
}
