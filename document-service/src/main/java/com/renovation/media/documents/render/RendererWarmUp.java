package com.renovation.media.documents.render;

import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.Estimate;
import com.renovation.media.storage.svg.SanitizedSvg;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Renders two small documents and a small drawing's thumbnail at start, into nothing: the first real request
 * then finds OpenPDF's and JSVG's classes loaded, Java2D and font metrics ready and the layout code compiled,
 * instead of paying for them (about a second each on a cold JVM).
 */
@ApplicationScoped
class RendererWarmUp {

    private static final Logger LOG = Logger.getLogger(RendererWarmUp.class);

    void onStart(@Observes StartupEvent event, DocumentRenderer renderer) {
        long start = System.nanoTime();
        ImageSource none = (key, limit) -> new ImageSource.Missing();
        // as asset-service hands it over: totals computed
        Estimate estimate = new Estimate("EUR", new BigDecimal("0.2"), List.of(new Estimate.Line("Tiles",
                new BigDecimal("12.5"), "m2", new BigDecimal("30"), "EUR", new BigDecimal("375"))),
                new BigDecimal("375"), new BigDecimal("75"), new BigDecimal("450"));
        renderer.render(new RenderRequest(DocumentType.ESTIMATE, "Warm-up", null, 1, estimate, Instant.now()), none,
                OutputStream.nullOutputStream());
        Checklist checklist = new Checklist(List.of(new Checklist.Item("Tiles", true)));
        renderer.render(new RenderRequest(DocumentType.CHECKLIST, "Warm-up", null, 1, checklist, Instant.now()),
                none, OutputStream.nullOutputStream());
        // written as the sanitiser writes its output: it is drawn without going through it
        byte[] drawing = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 40 30\"><rect x=\"2\" y=\"2\" width=\"36\" height=\"26\" fill=\"#eee\" stroke=\"#000\"/>"
                + "<text x=\"6\" y=\"18\" font-size=\"8\">Warm</text></svg>").getBytes(StandardCharsets.UTF_8);
        PngRender.thumbnail(SvgDrawing.parse(new SanitizedSvg(drawing, 40, 30, 3)));
        LOG.infof("PDF and SVG renderers warmed in %d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
