package com.renovation.media.variants.service.video;

import com.renovation.media.variants.config.VideoConfig;
import com.renovation.media.variants.video.VideoLimits;
import com.renovation.media.variants.video.VideoTools;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/** The video tools and limits as configured, made once. */
@ApplicationScoped
public class VideoSetup {

    private final VideoTools tools;
    private final VideoLimits limits;
    private final Path workFolder;
    private final long maxSourceBytes;

    public VideoSetup(VideoConfig config) {
        // a transcode uses every core of the replica: ffmpeg decodes and x264 encodes on threads of their own
        this.tools = new VideoTools(config.memoryLimit().asLongValue(), config.probeTimeout(), config.posterTimeout(),
                config.transcodeTimeout(), config.x264Preset(), Runtime.getRuntime().availableProcessors());
        this.limits = new VideoLimits(config.maxDuration(), config.maxPixels());
        this.workFolder = config.workFolder()
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "variant-worker-videos"));
        this.maxSourceBytes = config.maxSourceSize().asLongValue();
    }

    public VideoTools tools() {
        return tools;
    }

    public VideoLimits limits() {
        return limits;
    }

    /** Each video's files go to a folder of their own under this one. */
    public Path workFolder() {
        return workFolder;
    }

    public long maxSourceBytes() {
        return maxSourceBytes;
    }
}
