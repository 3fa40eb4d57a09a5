package com.renovation.media.documents.render;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts every document uses, loaded once per process: parsing a TrueType font is the slow part of
 * creating one, and doing it per document leaks time and memory (OpenPDF issue #1257). The font is embedded
 * (subset) with Identity-H encoding, so any language's text renders and stays selectable and extractable.
 * A {@code BaseFont} only reads its tables after loading; what each document used is kept by its writer,
 * so one instance serves concurrent renders.
 */
public final class PdfFonts {

    /** Liberation Sans, shipped inside the OpenPDF jar itself (metric-compatible with Helvetica/Arial). */
    static final String FONT_RESOURCE = "font-fallback/LiberationSans-Regular.ttf";

    private final BaseFont base;

    public PdfFonts() {
        try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FONT_RESOURCE + " is missing from the classpath");
            }
            base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BaseFont base() {
        return base;
    }

    public Font title() {
        return new Font(base, 20, Font.BOLD);
    }

    public Font heading() {
        return new Font(base, 13, Font.BOLD);
    }

    public Font body() {
        return new Font(base, 10.5f, Font.NORMAL);
    }

    public Font bodyBold() {
        return new Font(base, 10.5f, Font.BOLD);
    }

    public Font small() {
        return new Font(base, 8.5f, Font.NORMAL, new java.awt.Color(90, 90, 90));
    }
}
