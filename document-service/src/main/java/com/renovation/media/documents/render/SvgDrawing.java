package com.renovation.media.documents.render;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.ViewBox;
import com.renovation.media.storage.svg.SanitizedSvg;
import com.renovation.media.storage.svg.SvgLimits;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.xml.stream.XMLInputFactory;

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
     * is told to deny them too, so a gap in one is not a gap in both. JSVG's own limits (30 levels, 2 000 drawn
     * elements) would refuse plans the sanitiser accepts; they are raised to the sanitiser's, so the count of
     * elements drawn — {@code use} copies included, which is what bounds a drawing that multiplies itself
     * through nested {@code use} — is at most what a document may hold.
     */
    private static final LoaderContext LOADER = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_ALL)
            .documentLimits(new DocumentLimits(SvgLimits.DEFAULT.maxDepth(),
                    DocumentLimits.DEFAULT_MAX_USE_NESTING_DEPTH, SvgLimits.DEFAULT.maxElements()))
            .build();

    /**
     * JSVG logs why it cannot load a document and answers null; the reason is caught from its log records on the
     * loading thread, so the failure event says it.
     */
    private static final ThreadLocal<Throwable> LOAD_FAILURE = new ThreadLocal<>();

    static {
        Logger.getLogger("com.github.weisj.jsvg").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getThrown() != null) {
                    LOAD_FAILURE.set(record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

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
        LOAD_FAILURE.remove();
        try {
            document = new SVGLoader().load(() -> xmlInput().createXMLEventReader(
                    new ByteArrayInputStream(svg.content())), null, LOADER);
        } catch (RuntimeException e) {
            throw new RenderFailure("the drawing cannot be read: " + firstLine(e), e);
        }
        if (document == null) {
            Throwable reason = LOAD_FAILURE.get();
            LOAD_FAILURE.remove();
            throw new RenderFailure("the drawing cannot be read" + (reason == null ? "" : ": " + firstLine(reason)));
        }
        DrawingFit.requireSize(svg.width(), svg.height());
        return new SvgDrawing(document, svg.width(), svg.height());
    }

    /**
     * As JSVG's own (no DTD, no external entities), but as deep as the sanitiser lets a document nest: the JDK's
     * default depth limit of 100 would refuse what the sanitiser accepted. One per document, as the JDK does
     * not promise a factory is safe on many threads.
     */
    private static XMLInputFactory xmlInput() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty("jdk.xml.maxElementDepth", Integer.toString(SvgLimits.DEFAULT.maxDepth() + 1));
        return factory;
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
            throw new RenderFailure("the drawing cannot be drawn: " + firstLine(e), e);
        }
    }

    /** JSVG's messages go on with advice to its API's callers on further lines: not for the user. */
    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
