package com.renovation.media.contracts.artefacts;

/** The pixel sizes asset-service promises and document-service renders: the thumbnail and a PNG export's width. */
public final class ArtefactImages {

    /** Every version's thumbnail is a PNG of exactly this size, the drawing fitted and centred in it. */
    public static final int THUMBNAIL_WIDTH = 400;
    public static final int THUMBNAIL_HEIGHT = 300;

    /** A PNG export's width when the request names none. */
    public static final int DEFAULT_PNG_WIDTH = 1600;

    /** The widest (and tallest) PNG export: 4096² ARGB is 64 MiB while it is drawn. */
    public static final int MAX_PNG_SIDE = 4096;

    private ArtefactImages() {
    }
}
