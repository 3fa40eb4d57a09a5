package com.renovation.media.variants.imaging;

import com.luciad.imageio.webp.WebPImageWriterSpi;

import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The two WebP codecs and why each: uploads are decoded by TwelveMonkeys' pure-Java reader, so no native code
 * ever parses a user's WebP bytes (CVE-2023-4863 was a heap overflow in libwebp's lossless decoder); variants
 * are encoded by libwebp through {@code com.github.usefulness:webp-imageio}, which only ever sees pixels the
 * worker made. That library also registers a native WebP reader with ImageIO; it is taken out of the registry
 * here, so even a plain {@code ImageIO.read} cannot reach it.
 */
public final class WebPCodecs {

    private static final String NATIVE_PACKAGE = "com.luciad.imageio.webp.";
    private static final ImageReaderSpi DECODER = new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi();
    private static final WebPImageWriterSpi ENCODER = new WebPImageWriterSpi();

    static {
        removeNativeReaders();
    }

    private WebPCodecs() {
    }

    /** A new reader for uploaded WebP (readers are not thread-safe). */
    public static ImageReader newReader() {
        try {
            return DECODER.createReaderInstance(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageWriter newWriter() {
        return ENCODER.createWriterInstance(null);
    }

    /** Takes every native WebP reader out of ImageIO's registry; answers how many it removed. */
    public static int removeNativeReaders() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> natives = new ArrayList<>();
        for (Iterator<ImageReaderSpi> it = registry.getServiceProviders(ImageReaderSpi.class, true); it.hasNext(); ) {
            ImageReaderSpi spi = it.next();
            if (spi.getClass().getName().startsWith(NATIVE_PACKAGE)) {
                natives.add(spi);
            }
        }
        natives.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
        return natives.size();
    }

    public static String decoderDescription() {
        return "TwelveMonkeys imageio-webp " + version(DECODER.getClass().getPackage().getImplementationVersion())
                + " (pure Java)";
    }

    public static String encoderDescription() {
        return "com.github.usefulness:webp-imageio " + version(wrapperVersion().orElse(null)) + " with libwebp "
                + bundledLibwebp().map(LibwebpVersion::toString).orElse("of unknown version");
    }

    /** The libwebp compiled into the encoder's native library for this machine, read from the library file. */
    public static Optional<LibwebpVersion> bundledLibwebp() {
        return LibwebpVersion.linuxArchitecture().flatMap(arch -> LibwebpVersion.ofResource(
                WebPImageWriterSpi.class.getClassLoader(), "native/Linux/" + arch + "/libwebp-imageio.so",
                LibwebpVersion.ENCODER_SYMBOL));
    }

    /** The class that decodes uploaded WebP, for checks. */
    public static Class<?> decoderClass() {
        return DECODER.getClass();
    }

    private static Optional<String> wrapperVersion() {
        try (InputStream in = WebPImageWriterSpi.class.getClassLoader().getResourceAsStream("webp-imageio.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("webp_imageio_version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String version(String version) {
        return version == null ? "(version unknown)" : version;
    }
}
