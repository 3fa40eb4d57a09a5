package com.renovation.media.documents.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;

/**
 * A one-page PDF of a drawing: A4, landscape when the drawing is wider than tall, a heading, and the drawing
 * below it scaled to fit the margins. The drawing is painted through OpenPDF's {@code PdfGraphics2D}, so walls
 * and text stay vector paths at any zoom (text as outlines, looking as in the PNG); the heading is real text in
 * the service's embedded font, so the PDF can be searched for the title.
 */
public final class SvgPdfLayout {

    static final float MARGIN = 36;
    /** Between the heading's last line and the top of the drawing. */
    static final float GAP = 12;

    private final PdfFonts fonts;

    public SvgPdfLayout(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The PDF; its size is the page's in points. */
    public RenderedPicture render(SvgDrawing drawing, String heading) {
        Rectangle page = drawing.width() > drawing.height() ? PageSize.A4.rotate() : PageSize.A4;
        Document document = new Document(page, MARGIN, MARGIN, MARGIN, MARGIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(heading);
            document.addCreator("document-service");
            document.addCreationDate();
            document.open();
            document.add(new Paragraph(heading, fonts.heading()));
            float headingBottom = writer.getVerticalPosition(true);
            // Graphics2D's origin is the page's top-left corner, y growing downwards
            Rectangle2D area = new Rectangle2D.Double(MARGIN, page.getHeight() - headingBottom + GAP,
                    page.getWidth() - 2 * MARGIN, headingBottom - GAP - MARGIN);
            Graphics2D g = writer.getDirectContent().createGraphicsShapes(page.getWidth(), page.getHeight());
            try {
                drawing.paint(g, DrawingFit.fit(drawing.width(), drawing.height(), area));
            } finally {
                g.dispose();
            }
            document.close();
        } catch (DocumentException e) {
            throw new RenderFailure("the PDF cannot be laid out: " + e.getMessage(), e);
        }
        return new RenderedPicture(out.toByteArray(), Math.round(page.getWidth()), Math.round(page.getHeight()));
    }
}
