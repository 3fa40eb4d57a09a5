package com.renovation.media.variants.video;

/**
 * What the web MP4 is made of: the source's video stream, its audio stream (null: a silent copy), how much of
 * it (the accepted duration: a stream running past what the probe saw is cut there) and the size.
 */
public record WebCopy(int videoStream, Integer audioStream, double durationSeconds, WebSize size) {

    public static WebCopy of(AcceptedVideo video) {
        return new WebCopy(video.video().index(), video.hasAudio() ? video.audio().index() : null,
                video.durationSeconds(), WebSize.fit(video.video().displayedWidth(), video.video().displayedHeight()));
    }

    public boolean hasAudio() {
        return audioStream != null;
    }
}
