package com.renovation.media.documents;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** What a reader sees in a PDF: its pages, its text, the distinct images it embeds (in forms too). */
public record PdfFacts(int pages, String text, int images) {

    public static PdfFacts of(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            Set<Integer> images = new HashSet<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
                collectImages(reader.getPageN(page).getAsDict(PdfName.RESOURCES), images, new HashSet<>());
            }
            int pages = reader.getNumberOfPages();
            reader.close();
            return new PdfFacts(pages, text.toString(), images.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectImages(PdfDictionary resources, Set<Integer> images, Set<Integer> visited) {
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        if (xobjects == null) {
            return;
        }
        for (PdfName name : xobjects.getKeys()) {
            var ref = xobjects.getAsIndirectObject(name);
            PdfDictionary object = (PdfDictionary) PdfReader.getPdfObject(ref);
            if (PdfName.IMAGE.equals(object.getAsName(PdfName.SUBTYPE))) {
                images.add(ref.getNumber());
            } else if (PdfName.FORM.equals(object.getAsName(PdfName.SUBTYPE)) && visited.add(ref.getNumber())) {
                collectImages(object.getAsDict(PdfName.RESOURCES), images, visited);
            }
        }
    }
}
