package com.renovation.media.storage.filetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FileSnifferTest {

    static byte[] image(String format, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static FileSniffer.Verdict sniff(String text) {
        return FileSniffer.sniff(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recognisesAcceptedTypesByTheirBytes() throws Exception {
        assertThat(FileSniffer.sniff(image("jpg", 4, 3))).isEqualTo(new FileSniffer.Accepted(FileType.JPEG));
        assertThat(FileSniffer.sniff(image("png", 4, 3))).isEqualTo(new FileSniffer.Accepted(FileType.PNG));
        assertThat(sniff("%PDF-1.7\n")).isEqualTo(new FileSniffer.Accepted(FileType.PDF));
        assertThat(sniff("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")).isEqualTo(new FileSniffer.Accepted(FileType.WEBP));
        assertThat(sniff("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000"))
                .isEqualTo(new FileSniffer.Accepted(FileType.HEIC));
    }

    @Test
    void tellsAvifFromHeicByItsBrands() {
        assertThat(sniff("\u0000\u0000\u0000\u001cftypavif\u0000\u0000\u0000\u0000avifmif1miaf"))
                .isEqualTo(new FileSniffer.Accepted(FileType.AVIF));
        assertThat(sniff("\u0000\u0000\u0000\u0014ftypavis\u0000\u0000\u0000\u0000avis"))
                .isEqualTo(new FileSniffer.Accepted(FileType.AVIF));
        // a generic major brand: the compatible brands name the codec
        assertThat(sniff("\u0000\u0000\u0000\u0018ftypmif1\u0000\u0000\u0000\u0000mif1avif"))
                .isEqualTo(new FileSniffer.Accepted(FileType.AVIF));
        assertThat(sniff("\u0000\u0000\u0000\u001cftypmif1\u0000\u0000\u0000\u0000mif1heicavif"))
                .isEqualTo(new FileSniffer.Accepted(FileType.HEIC));
        assertThat(sniff("\u0000\u0000\u0000\u0018ftypmif1\u0000\u0000\u0000\u0000mif1miaf"))
                .isEqualTo(new FileSniffer.Accepted(FileType.HEIC));
        // a brand beyond the ftyp box's own size does not count
        assertThat(sniff("\u0000\u0000\u0000\u0014ftypmif1\u0000\u0000\u0000\u0000mif1avif"))
                .isEqualTo(new FileSniffer.Accepted(FileType.HEIC));
        assertThat(FileType.fromDeclared("image/avif")).contains(FileType.AVIF);
        assertThat(FileType.AVIF.safeInline()).isFalse();
        // an MP4 major brand stays a video whatever it names beside it
        assertThat(sniff("\u0000\u0000\u0000\u0014ftypisom\u0000\u0000\u0000\u0000avif"))
                .isEqualTo(new FileSniffer.Accepted(FileType.MP4));
    }

    @Test
    void refusesExecutablesMarkupAndArchivesWithAReason() {
        assertThat(sniff("\u007FELF\u0002\u0001\u0001")).isEqualTo(new FileSniffer.Refused("the file is an executable (ELF)"));
        assertThat(sniff("MZ\u0090\u0000")).isInstanceOf(FileSniffer.Refused.class);
        assertThat(sniff("  <!DOCTYPE html><html>")).isEqualTo(new FileSniffer.Refused("the file is HTML"));
        assertThat(sniff("<?xml version=\"1.0\"?><svg onload=\"alert(1)\">"))
                .isEqualTo(new FileSniffer.Refused("the file is an SVG image, which can carry scripts"));
        assertThat(sniff("PK\u0003\u0004rest")).isEqualTo(new FileSniffer.Refused("the file is an archive (ZIP)"));
        assertThat(sniff("\u001F\u008B\u0008")).isEqualTo(new FileSniffer.Refused("the file is an archive"));
        assertThat(FileSniffer.sniff(new byte[0])).isEqualTo(new FileSniffer.Refused("the file is empty"));
        assertThat(sniff("just text")).isInstanceOf(FileSniffer.Refused.class);
    }

    @Test
    void aCutOffFileIsNotComplete() throws Exception {
        byte[] jpeg = image("jpg", 64, 48);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThat(FileSniffer.looksComplete(FileType.JPEG, jpeg, tail(jpeg), jpeg.length)).isTrue();
        assertThat(FileSniffer.looksComplete(FileType.JPEG, cut, tail(cut), cut.length)).isFalse();
        byte[] png = image("png", 64, 48);
        byte[] cutPng = Arrays.copyOf(png, png.length - 12);
        assertThat(FileSniffer.looksComplete(FileType.PNG, png, tail(png), png.length)).isTrue();
        assertThat(FileSniffer.looksComplete(FileType.PNG, cutPng, tail(cutPng), cutPng.length)).isFalse();
    }

    private static byte[] tail(byte[] data) {
        return Arrays.copyOfRange(data, Math.max(0, data.length - FileSniffer.TAIL_BYTES), data.length);
    }

    @Test
    void readsDimensionsFromHeadersOnly() throws Exception {
        assertThat(ImageHeader.dimensions(FileType.JPEG, image("jpg", 640, 480)))
                .contains(new ImageHeader.Dimensions(640, 480));
        assertThat(ImageHeader.dimensions(FileType.PNG, Arrays.copyOf(image("png", 30, 20), 24)))
                .contains(new ImageHeader.Dimensions(30, 20));
        assertThat(ImageHeader.dimensions(FileType.JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }
}
