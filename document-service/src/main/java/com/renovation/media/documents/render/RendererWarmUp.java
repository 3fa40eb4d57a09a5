package com.renovation.media.documents.render;

import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.Estimate;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Renders two small documents at start, into nothing: the first real request then finds OpenPDF's classes
 * loaded, its font metrics read and the layout code compiled, instead of paying for them (about a second on a
 * cold JVM).
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
        LOG.infof("PDF renderer warmed in %d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
