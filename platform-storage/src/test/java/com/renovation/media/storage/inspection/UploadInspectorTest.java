package com.renovation.media.storage.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.HostileImages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory inspection of files nobody declared, and the head checks a stored object passes first. */
class UploadInspectorTest {

    private static final Set<FileType> WEB_IMAGES = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP);
    private static final byte[] JPEG = jpeg(96, 64);
    private static final byte[] PDF = "%PDF-1.4\n...\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] jpeg(int width, int height) {
        try {
            return CraftedFiles.encode("jpg", CraftedFiles.noise(width, height));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UploadPolicy images(long maxBytes, long maxPixels) {
        return UploadPolicy.of(WEB_IMAGES, maxBytes, maxPixels);
    }

    private static String refusal(byte[] file, UploadPolicy policy) {
        return ((Inspection.Refused) UploadInspector.inspect(file, policy)).reason();
    }

    @Test
    void aWholeImageIsAcceptedWithItsTypeDimensionsAndSha256() {
        Inspection verdict = UploadInspector.inspect(JPEG, images(1_000_000, 50_000_000));
        assertThat(verdict).isEqualTo(new Inspection.Accepted(FileType.JPEG,
                Optional.of(new ImageHeader.Dimensions(96, 64)), UploadInspector.sha256(JPEG)));
        assertThat(UploadInspector.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void filesThatAreNotWholeAllowedImagesAreRefused() {
        UploadPolicy policy = images(1_000_000, 50_000_000);
        assertThat(refusal(Arrays.copyOf(JPEG, JPEG.length - 200), policy)).contains("truncated");
        assertThat(refusal(JPEG, images(1000, 50_000_000))).isEqualTo("the file is larger than 1000 bytes");
        assertThat(refusal(PDF, policy)).isEqualTo("the file's content is application/pdf, but only "
                + "[image/jpeg, image/png, image/webp] are accepted here");
        assertThat(refusal("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII), policy)).contains("SVG");
        assertThat(refusal(new byte[0], policy)).isEqualTo("the file is empty");
    }

    @Test
    void aPolyglotIsRefusedEvenWhenItsHeadIsAPerfectImage() throws Exception {
        byte[] polyglot = CraftedFiles.concat(JPEG, CraftedFiles.zip());
        assertThat(HeadCheck.ofHead(images(1_000_000, 50_000_000), FileType.JPEG, polyglot)).isEmpty();
        assertThat(refusal(polyglot, images(1_000_000, 50_000_000))).contains("after the end of its JPEG data");
        assertThat(refusal(CraftedFiles.webpCovering(CraftedFiles.zip(new byte[0])), images(1_000_000, 50_000_000)))
                .contains("WebP");
    }

    @Test
    void anImageDeclaringMorePixelsThanTheLimitIsRefused() {
        assertThat(refusal(JPEG, images(1_000_000, 96 * 64 - 1)))
                .isEqualTo("the image is 96x64 pixels, above the limit of 0 MP");
        assertThat(UploadInspector.inspect(JPEG, images(1_000_000, 96 * 64))).isInstanceOf(Inspection.Accepted.class);
        assertThat(refusal(HostileImages.webpWithHugeHeader(16384, 16384), images(1_000_000, 50_000_000)))
                .isEqualTo("the image is 16384x16384 pixels, above the limit of 50 MP");
    }

    @Test
    void aHeifFileIsCheckedAgainstThePixelLimitWhenItsMetaBoxIsInTheHead() {
        byte[] huge = CraftedFiles.heifDeclaring("heic", 60_000, 60_000, false);
        assertThat(refusal(huge, UploadPolicy.of(Set.of(FileType.HEIC), 1_000_000, 50_000_000)))
                .isEqualTo("the image is 60000x60000 pixels, above the limit of 50 MP");
        byte[] avif = CraftedFiles.heifDeclaring("avif", 640, 480, true);
        assertThat(UploadInspector.inspect(avif, UploadPolicy.of(Set.of(FileType.AVIF), 1_000_000, 50_000_000)))
                .isEqualTo(new Inspection.Accepted(FileType.AVIF, Optional.of(new ImageHeader.Dimensions(640, 480)),
                        UploadInspector.sha256(avif)));
        assertThat(refusal(avif, UploadPolicy.of(Set.of(FileType.HEIC), 1_000_000, 50_000_000)))
                .isEqualTo("the file's content is image/avif, but only [image/heic] are accepted here");
    }

    @Test
    void hostileHeifFilesAreRefusedAtConfirm() {
        UploadPolicy heif = UploadPolicy.of(Set.of(FileType.HEIC, FileType.AVIF), 1_000_000, 50_000_000);
        byte[] heic = CraftedFiles.heifDeclaring("heic", 4032, 3024, false);
        assertThat(UploadInspector.inspect(heic, heif)).isInstanceOf(Inspection.Accepted.class);
        assertThat(refusal(Arrays.copyOf(heic, heic.length - 100), heif))
                .startsWith("the file is truncated or corrupt: its ISO-BMFF boxes do not add up to the file's size");
        byte[] garbage = new byte[4096];
        new java.util.Random(41).nextBytes(garbage);
        assertThat(refusal(CraftedFiles.concat(CraftedFiles.ftyp(), garbage), heif))
                .startsWith("the file is truncated or corrupt: ");
        assertThat(refusal(CraftedFiles.heifDeclaring("avif", 20_000, 20_000, true), heif))
                .isEqualTo("the image is 20000x20000 pixels, above the limit of 50 MP");
    }

    @Test
    void aHeicIsAcceptedWithoutDimensionsWhereAllowed() {
        byte[] heic = CraftedFiles.heic();
        Inspection verdict = UploadInspector.inspect(heic, UploadPolicy.of(Set.of(FileType.HEIC), 1000, 1));
        assertThat(verdict).isEqualTo(new Inspection.Accepted(FileType.HEIC, Optional.empty(),
                UploadInspector.sha256(heic)));
    }

    @Test
    void storedBytesAreComparedWithTheDeclaration() {
        UploadPolicy policy = UploadPolicy.of(Set.of(FileType.PDF, FileType.JPEG), 1000, 50_000_000)
                .withMaxBytes(FileType.PDF, 5000);
        assertThat(HeadCheck.ofSize(policy, FileType.PDF, PDF.length, PDF.length)).isEmpty();
        assertThat(HeadCheck.ofHead(policy, FileType.PDF, PDF)).isEmpty();
        assertThat(HeadCheck.ofHead(policy, FileType.JPEG, PDF))
                .contains("the file's content is application/pdf, but it was declared as image/jpeg");
        assertThat(HeadCheck.ofSize(policy, FileType.PDF, 10, PDF.length))
                .contains("the uploaded file has " + PDF.length + " bytes, but 10 were declared");
        assertThat(HeadCheck.ofSize(policy, FileType.PDF, 6000, 6000))
                .contains("the file is larger than 5000 bytes");
        assertThat(HeadCheck.ofSize(policy, FileType.JPEG, 1001, 1001))
                .contains("the file is larger than 1000 bytes");
        assertThat(HeadCheck.ofHead(images(1_000_000, 50_000_000), FileType.JPEG, Arrays.copyOf(JPEG, 4)))
                .contains("the image header is unreadable");
    }

    @Test
    void aPolicyHasALimitForEveryTypeItAllows() {
        UploadPolicy policy = UploadPolicy.of(Set.of(FileType.JPEG), 10, 20).withMaxBytes(FileType.PDF, 30);
        assertThat(policy.maxBytes(FileType.JPEG)).isEqualTo(10);
        assertThat(policy.maxBytes(FileType.PDF)).as("not allowed").isZero();
        assertThat(policy.allows(FileType.PDF)).isFalse();
        assertThatThrownBy(() -> new UploadPolicy(Set.of(FileType.JPEG, FileType.PNG), Map.of(FileType.JPEG, 1L), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
