package com.renovation.media.documents.render;

import static com.renovation.media.documents.render.DocumentRenderer.amount;
import static com.renovation.media.documents.render.DocumentRenderer.money;
import static com.renovation.media.documents.render.DocumentRenderer.orEmpty;
import static com.renovation.media.documents.render.DocumentRenderer.required;
import static com.renovation.media.documents.render.DocumentRenderer.spacer;
import static com.renovation.media.documents.render.DocumentRenderer.text;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.renovation.media.contracts.documents.ContractDraft;
import java.util.List;

/**
 * The body of a contract draft: a "draft" notice, the parties, the numbered scope of works, the price and its
 * payment terms, the numbered terms, and a signature block per party.
 */
final class ContractDraftLayout {

    private final PdfFonts fonts;

    ContractDraftLayout(PdfFonts fonts) {
        this.fonts = fonts;
    }

    void add(Document document, ContractDraft content) {
        document.add(new Paragraph("Draft for review: not binding until signed by every party.", fonts.small()));
        List<ContractDraft.Party> parties = required(content.parties(), "parties");
        heading(document, "Parties");
        for (ContractDraft.Party party : parties) {
            Paragraph line = new Paragraph();
            line.add(new Phrase(text(party.role(), "role") + ":  ", fonts.bodyBold()));
            line.add(new Phrase(text(party.name(), "name"), fonts.body()));
            if (party.address() != null) {
                line.add(new Phrase(", " + party.address(), fonts.body()));
            }
            document.add(line);
        }
        heading(document, "Scope of works");
        int n = 0;
        for (ContractDraft.ScopeItem item : required(content.scope(), "scope")) {
            document.add(new Paragraph(++n + ".  " + text(item.description(), "description"), fonts.body()));
        }
        price(document, content.price());
        List<ContractDraft.Term> terms = content.termList();
        if (!terms.isEmpty()) {
            heading(document, "Terms");
            int t = 0;
            for (ContractDraft.Term term : terms) {
                document.add(new Paragraph(++t + ". " + text(term.heading(), "heading"), fonts.bodyBold()));
                document.add(new Paragraph(orEmpty(term.text()), fonts.body()));
            }
        }
        signatures(document, parties);
    }

    private void price(Document document, ContractDraft.Price price) {
        if (price == null) {
            throw new RenderFailure("content.price is missing");
        }
        heading(document, "Price");
        document.add(new Paragraph("Total price:  " + text(price.currency(), "currency") + " "
                + money(amount(price.amount(), "amount")), fonts.bodyBold()));
        if (price.paymentTerms() != null) {
            document.add(new Paragraph("Payment: " + price.paymentTerms(), fonts.body()));
        }
    }

    private void signatures(Document document, List<ContractDraft.Party> parties) {
        document.add(spacer());
        heading(document, "Signatures");
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        for (ContractDraft.Party party : parties) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(PdfPCell.NO_BORDER);
            cell.setPaddingTop(28);
            cell.addElement(new Paragraph("______________________________", fonts.body()));
            cell.addElement(new Paragraph(party.name() + " (" + party.role() + "), date", fonts.small()));
            table.addCell(cell);
        }
        if (parties.size() % 2 == 1) {
            PdfPCell empty = new PdfPCell();
            empty.setBorder(PdfPCell.NO_BORDER);
            table.addCell(empty);
        }
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        document.add(table);
    }

    private void heading(Document document, String title) {
        Paragraph heading = new Paragraph(title, fonts.heading());
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
    }
}
