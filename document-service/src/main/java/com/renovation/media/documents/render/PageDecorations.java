package com.renovation.media.documents.render;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The running header (title) and footer ("Page n of m") of every page. The total is not known while pages
 * are written, so each footer refers to one template filled in when the document closes.
 */
final class PageDecorations extends PdfPageEventHelper {

    private static final float SIZE = 8;

    private final BaseFont font;
    private final String header;
    private PdfTemplate total;

    PageDecorations(BaseFont font, String header) {
        this.font = font;
        this.header = header;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, SIZE + 4);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        cb.saveState();
        cb.beginText();
        cb.setFontAndSize(font, SIZE);
        cb.setRGBColorFill(110, 110, 110);
        cb.setTextMatrix(left, document.top() + 18);
        cb.showText(header);
        String page = "Page " + writer.getPageNumber() + " of ";
        float x = right - font.getWidthPoint(page, SIZE) - 20;
        cb.setTextMatrix(x, document.bottom() - 24);
        cb.showText(page);
        cb.endText();
        cb.addTemplate(total, x + font.getWidthPoint(page, SIZE), document.bottom() - 24);
        cb.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, SIZE);
        total.setRGBColorFill(110, 110, 110);
        total.setTextMatrix(0, 0);
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
