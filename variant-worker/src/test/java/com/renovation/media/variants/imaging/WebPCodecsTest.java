package com.renovation.media.variants.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/** Which code touches WebP: no native code decodes uploads, and the native encoder carries the CVE-2023-4863 fix. */
class WebPCodecsTest {

    @Test
    void uploadedWebPIsDecodedByThePureJavaReader() {
        ImageReader reader = SourceFormat.WEBP.newReader();
        try {
            assertThat(reader.getClass().getName()).startsWith("com.twelvemonkeys.imageio.plugins.webp.");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void imageIoOffersNoNativeWebPReader() {
        WebPCodecs.removeNativeReaders();
        ImageIO.scanForPlugins(); // even after a rescan re-registers service providers ...
        WebPCodecs.removeNativeReaders(); // ... which is why the worker removes them at start
        List<String> readers = new ArrayList<>();
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("webp"); it.hasNext(); ) {
            readers.add(it.next().getClass().getName());
        }
        assertThat(readers).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("com.twelvemonkeys."));
    }

    @Test
    void theEncodersBundledLibwebpHasTheCve20234863Fix() {
        assumeThat(LibwebpVersion.linuxArchitecture()).as("a processor the encoder ships a Linux library for")
                .isPresent();
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        LibwebpVersion bundled = WebPCodecs.bundledLibwebp().orElseThrow(
                () -> new AssertionError("the WebP encoder's libwebp version could not be read"));
        assertThat(bundled).isGreaterThanOrEqualTo(new LibwebpVersion(1, 3, 2));
        assertThat(bundled.hasCve20234863Fix()).isTrue();
        assertThat(WebPCodecs.encoderDescription()).contains("libwebp " + bundled);
        assertThat(WebPCodecs.decoderDescription()).startsWith("TwelveMonkeys imageio-webp 3.");
    }

    @Test
    void versionsBeforeOneThreeTwoLackTheFix() {
        assertThat(new LibwebpVersion(1, 3, 1).hasCve20234863Fix()).isFalse();
        assertThat(new LibwebpVersion(1, 0, 0).hasCve20234863Fix()).isFalse();
        assertThat(new LibwebpVersion(1, 3, 2).hasCve20234863Fix()).isTrue();
        assertThat(new LibwebpVersion(1, 6, 0).hasCve20234863Fix()).isTrue();
        assertThat(LibwebpVersion.ofElf(new byte[100], LibwebpVersion.ENCODER_SYMBOL)).isEmpty();
    }

    @Test
    void encodedVariantsStillDecode() {
        byte[] webp = new VariantEncoder().encode(StandardImages.standardize(TestImages.photoLike(120, 80, 1)),
                VariantFormat.WEBP);
        assertThat(SourceFormat.detect(webp)).contains(SourceFormat.WEBP);
        assertThat(TestImages.read(webp).getWidth()).isEqualTo(120);
    }
}
