package com.renovation.media.variants.imaging;

/** The downscaling algorithms on offer; see bench/images for how they compare. */
public enum ResizeMethod {
    /** imgscalr's QUALITY: incremental halving with bicubic interpolation (Java2D). */
    IMGSCALR_QUALITY(new ImgscalrResizer()),
    /** Integer box pre-shrink, then a separable Lanczos3 pass for the rest: faster and sharper, less aliasing. */
    BOX_LANCZOS3(new BoxLanczos3Resizer());

    private final Resizer resizer;

    ResizeMethod(Resizer resizer) {
        this.resizer = resizer;
    }

    public Resizer resizer() {
        return resizer;
    }
}
