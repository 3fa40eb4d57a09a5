package com.renovation.media.variants.service.video;

import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.video.MediaToolException;
import com.renovation.media.variants.video.ToolAbort;
import com.renovation.media.variants.video.VideoContainer;
import com.renovation.media.variants.video.WebCopy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/** Runs the ffmpeg of one web MP4; a bean of its own so that tests can hold a transcode in flight. */
@ApplicationScoped
public class Transcoder {

    private final VideoSetup setup;

    public Transcoder(VideoSetup setup) {
        this.setup = setup;
    }

    /**
     * Makes {@code output} from the source's copy in {@code file}; blocks until ffmpeg is done.
     *
     * @throws MediaToolException ffmpeg failed, ran past the transcode timeout or was aborted
     */
    public void transcode(SourceImage source, Path file, WebCopy copy, Path output, IntConsumer percentages,
            ToolAbort abort) {
        VideoContainer container = VideoContainer.of(source.contentType())
                .orElseThrow(() -> new IllegalArgumentException(source + " is not a video"));
        setup.tools().transcode(file, container, copy, output, percentages, abort);
    }
}
