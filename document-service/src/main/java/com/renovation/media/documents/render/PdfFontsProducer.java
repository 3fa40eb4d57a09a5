package com.renovation.media.documents.render;

import com.renovation.media.documents.config.DocumentConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link PdfFonts} per process, created at startup (not at the first request, not per document). */
public class PdfFontsProducer {

    @Produces
    @Singleton
    @Startup
    PdfFonts fonts() {
        return new PdfFonts();
    }

    @Produces
    @Singleton
    DocumentRenderer renderer(PdfFonts fonts, DocumentConfig config) {
        return new DocumentRenderer(fonts, config.maxDocumentImageBytes());
    }

    @Produces
    @Singleton
    SvgPdfLayout svgPdfLayout(PdfFonts fonts) {
        return new SvgPdfLayout(fonts);
    }
}
