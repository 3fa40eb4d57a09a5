package com.renovation.media.storage.svg;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The document's bytes as text, decoded here rather than by the parser so that only UTF-8 and UTF-16 are ever read
 * (a UTF-7 document hides {@code <script>} from anything that reads it as ASCII), and strictly: a malformed byte
 * refuses the document instead of becoming U+FFFD.
 */
final class SvgDecoding {

    private SvgDecoding() {
    }

    static String text(byte[] input) {
        Charset charset = detect(input);
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SvgRefusedException(SvgRefusal.NOT_XML,
                    "the bytes are not " + charset.name() + " text (only UTF-8 and UTF-16 are accepted)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The declared encoding (null when none) must name the encoding the bytes are in. */
    static void checkDeclared(String declared, byte[] input) {
        if (declared == null) {
            return;
        }
        String name = declared.toUpperCase(Locale.ROOT);
        boolean utf16 = detect(input) != StandardCharsets.UTF_8;
        boolean matches = utf16 ? name.startsWith("UTF-16") : name.equals("UTF-8");
        if (!matches) {
            throw new SvgRefusedException(SvgRefusal.NOT_XML, "the declared encoding " + SvgReferences.shorten(declared)
                    + " is not accepted (the bytes are " + (utf16 ? "UTF-16" : "UTF-8")
                    + "; only UTF-8 and UTF-16 are), at line 1 column 1");
        }
    }

    /** By the byte order mark, or by how {@code <?} is spelt without one; UTF-8 otherwise. */
    private static Charset detect(byte[] b) {
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
