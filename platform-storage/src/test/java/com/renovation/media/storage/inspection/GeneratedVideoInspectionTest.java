package com.renovation.media.storage.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.GeneratedVideos;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Videos as ffmpeg writes them (plain, faststart, fragmented, streamed WebM) pass the same inspection as uploads;
 * an MKV, a cut-off MP4 and an MP4 carrying a ZIP do not.
 */
class GeneratedVideoInspectionTest {

    private static final UploadPolicy VIDEOS = UploadPolicy.of(EnumSet.of(FileType.MP4, FileType.MOV, FileType.WEBM),
            100_000_000, 50_000_000);

    private static Inspection inspect(byte[] file) {
        return UploadInspector.inspect(file, VIDEOS);
    }

    private static void accepted(byte[] file, FileType type) {
        assertThat(inspect(file)).isEqualTo(new Inspection.Accepted(type, Optional.empty(),
                UploadInspector.sha256(file)));
    }

    private static String refusal(byte[] file) {
        assertThat(inspect(file)).isInstanceOf(Inspection.Refused.class);
        return ((Inspection.Refused) inspect(file)).reason();
    }

    @Test
    void ffmpegsContainersAreAcceptedAsTheirType() {
        accepted(GeneratedVideos.mp4(1, 320, 240), FileType.MP4);
        accepted(GeneratedVideos.mov(1, 320, 240), FileType.MOV);
        accepted(GeneratedVideos.webm(1, 320, 240), FileType.WEBM);
    }

    @Test
    void faststartFragmentedAndStreamedFilesAreAcceptedToo() {
        List<String> source = List.of("-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=25", "-c:v",
                "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        accepted(GeneratedVideos.ffmpeg("mp4", concat(source, "-movflags", "+faststart")), FileType.MP4);
        accepted(GeneratedVideos.ffmpeg("mp4", concat(source, "-movflags", "frag_keyframe+empty_moov")),
                FileType.MP4);
        // a WebM written as a live stream: its Segment has an unknown size
        byte[] live = GeneratedVideos.ffmpeg("webm", List.of("-f", "lavfi", "-i",
                "testsrc=duration=1:size=160x120:rate=25", "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-live", "1"));
        accepted(live, FileType.WEBM);
    }

    @Test
    void anMkvACutMp4AndAnMp4CarryingAZipAreRefused() throws Exception {
        assertThat(refusal(GeneratedVideos.mkv(1, 160, 120))).contains("Matroska video (MKV)");
        byte[] mp4 = GeneratedVideos.mp4(1, 160, 120);
        assertThat(refusal(Arrays.copyOf(mp4, mp4.length - 1000))).contains("truncated or corrupt");
        assertThat(refusal(CraftedFiles.concat(mp4, CraftedFiles.zip()))).contains("do not add up");
        byte[] webm = GeneratedVideos.webm(1, 160, 120);
        assertThat(refusal(Arrays.copyOf(webm, webm.length - 10))).contains("truncated or corrupt");
        assertThat(refusal(CraftedFiles.concat(webm, CraftedFiles.zip()))).contains("after the end of its WebM data");
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> all = new java.util.ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }
}
