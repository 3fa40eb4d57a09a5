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

    /** A photo-like PNG carrying EXIF (orientation, camera make, GPS) in an eXIf chunk before its pixels. */
    public static byte[] pngWithExif(int width, int height, int orientation) {
        return CraftedFiles.pngWithExif(TestImages.photoLike(width, height, 7), orientation);
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

    /**
     * A HEIC as an iPhone writes a portrait picture: the sensor's landscape pixels, an irot turning them upright
     * and an EXIF orientation 6 saying the same again. Upright it is {@code width}×{@code height}, red over blue.
     */
    public static byte[] iphoneStyleHeic(int width, int height) {
        java.awt.image.BufferedImage stored = Turns.apply(Orientation.ROTATE_90_CW, HeifFixtures.redOverBlue(width, height));
        return HeifBoxes.withRotation(HeifFixtures.heicWithExifOrientation(stored, 6), 1);
    }

    /** An AVIF of {@code width}×{@code height}, red over blue. */
    public static byte[] avif(int width, int height) {
        return HeifFixtures.avif(HeifFixtures.redOverBlue(width, height));
    }

    /** A real HEIC cut in half: its item locations point past the end of the file. */
    public static byte[] truncatedHeic() {
        byte[] heic = HeifFixtures.heic(TestImages.photoLike(640, 480, 9));
        return java.util.Arrays.copyOf(heic, heic.length / 2);
    }

    /** A real 64×48 HEIC whose ispe declares {@code width}×{@code height}. */
    public static byte[] heicDeclaring(int width, int height) {
        return HeifBoxes.withDeclaredSize(HeifFixtures.heic(HeifFixtures.redOverBlue(64, 48)), width, height);
    }

    /** A valid HEIC ftyp box followed by random bytes. */
    public static byte[] garbageAfterHeicFtyp() {
        byte[] ftyp = java.util.Arrays.copyOf(HeifFixtures.heic(HeifFixtures.redOverBlue(64, 48)), 28);
        byte[] garbage = new byte[4096];
        new java.util.Random(29).nextBytes(garbage);
        byte[] file = java.util.Arrays.copyOf(ftyp, ftyp.length + garbage.length);
        System.arraycopy(garbage, 0, file, ftyp.length, garbage.length);
        return file;
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
