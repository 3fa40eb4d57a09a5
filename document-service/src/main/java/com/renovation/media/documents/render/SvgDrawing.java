package com.renovation.media.documents.render;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.ViewBox;
import com.renovation.media.storage.svg.SanitizedSvg;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;

/**
 * A sanitised SVG parsed once by JSVG, painted into any {@link Graphics2D}: a {@code BufferedImage}'s for a PNG,
 * OpenPDF's for a vector PDF. Its size is the sanitiser's (the viewBox, else width and height), so every picture
 * of one version has the same aspect.
 */
public final class SvgDrawing {

    static {
        // drawing needs no display; without this a JVM that sees one would try to open it
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Nothing outside the document is ever loaded: the sanitiser already refuses external references, and JSVG
     * is told to deny them too, so a gap in one is not a gap in both.
     */
    private static final LoaderContext NOTHING_EXTERNAL = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_ALL)
            .build();

    private final SVGDocument document;
    private final double width;
    private final double height;

    private SvgDrawing(SVGDocument document, double width, double height) {
        this.document = document;
        this.width = width;
        this.height = height;
    }

    /** @throws RenderFailure when JSVG cannot read the document */
    public static SvgDrawing parse(SanitizedSvg svg) {
        SVGDocument document;
        try {
            document = new SVGLoader().load(new ByteArrayInputStream(svg.content()), null, NOTHING_EXTERNAL);
        } catch (RuntimeException e) {
            throw new RenderFailure("the drawing cannot be read: " + e.getMessage(), e);
        }
        if (document == null) {
            // JSVG logs its reason and answers nothing
            throw new RenderFailure("the drawing cannot be read by the SVG renderer");
        }
        DrawingFit.requireSize(svg.width(), svg.height());
        return new SvgDrawing(document, svg.width(), svg.height());
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Paints the whole drawing into {@code target} (the caller keeps the aspect: see {@link DrawingFit}). */
    public void paint(Graphics2D g, Rectangle2D target) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            document.render((Component) null, g, new ViewBox(target));
        } catch (RuntimeException e) {
            throw new RenderFailure("the drawing cannot be drawn: " + e, e);
        }
    }
}
