package com.renovation.media.variants.imaging;

/** The crafted images of the imaging tests, for the worker's integration tests in another package. */
public final class WorkerFixtures {

    public static final String LEAK_MARKER = CraftedFiles.LEAK_MARKER;

    private WorkerFixtures() {
    }

    /** A photo-like landscape JPEG carrying EXIF orientation, camera make (the leak marker) and GPS. */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        return CraftedFiles.jpegWithExif(TestImages.photoLike(width, height, 7), orientation);
    }

    public static byte[] pngWithAlpha(int width, int height) {
        return TestImages.png(TestImages.solid(width, height, new java.awt.Color(255, 0, 0, 0),
                java.awt.image.BufferedImage.TYPE_INT_ARGB));
    }

    public static byte[] cmykJpeg(int width, int height) {
        return CraftedFiles.cmykJpeg(width, height, 0, 255, 255, 0);
    }

    public static byte[] progressiveJpeg(int width, int height) {
        return TestImages.jpeg(TestImages.photoLike(width, height, 3), true);
    }

    public static byte[] pixelBomb(int width, int height) {
        return CraftedFiles.pngBomb(width, height);
    }

    public static java.awt.image.BufferedImage decode(byte[] bytes) {
        return TestImages.read(bytes);
    }

    public static boolean contains(byte[] data, String ascii) {
        return MetadataInspector.contains(data, ascii);
    }
}
