package com.renovation.media.documents.render;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.ContractDraft;
import com.renovation.media.contracts.documents.Estimate;
import com.renovation.media.contracts.documents.Plan;
import com.renovation.media.contracts.documents.RoomReport;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders the document types as real PDFs: a title, the generation date, the body, a running header and
 * "Page n of m" footers, text set in an embedded font (selectable). It draws the request and the images its
 * {@link ImageSource} gives, and writes the PDF as it goes; it throws {@link RenderFailure} for what cannot be
 * drawn.
 */
public final class DocumentRenderer {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Report photos: two per page, each fitted into this box (points). */
    private static final float PHOTO_WIDTH = 480;
    private static final float PHOTO_HEIGHT = 275;
    private static final float PAIR_WIDTH = 235;
    private static final float PAIR_HEIGHT = 220;

    private final PdfFonts fonts;
    private final long maxImageBytes;

    /**
     * @param maxImageBytes image bytes one document may embed; a room report that reaches it shows no more
     *                      images and says so, which bounds the PDF
     */
    public DocumentRenderer(PdfFonts fonts, long maxImageBytes) {
        this.fonts = fonts;
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * Writes the PDF to {@code out} as it is laid out (the caller closes it).
     *
     * @param images where a room report's images are read, one at a time
     */
    public RenderedDocument render(RenderRequest request, ImageSource images, OutputStream out) {
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PageDecorations(fonts.base(), request.title()));
            document.addTitle(request.title());
            document.addSubject(request.documentType().value() + " v" + request.version());
            document.addCreator("document-service");
            document.addCreationDate();
            document.open();
            document.add(new Paragraph(request.title(), fonts.title()));
            String phase = request.phase() == null ? "" : "  ·  phase " + request.phase();
            document.add(new Paragraph("Generated " + GENERATED.format(request.generatedAt()) + "  ·  version "
                    + request.version() + phase, fonts.small()));
            document.add(spacer());
            ReportImages used = new ReportImages(images, writer, maxImageBytes);
            switch (request.documentType()) {
                case CHECKLIST -> checklist(document, (Checklist) request.content());
                case PLAN -> plan(document, (Plan) request.content());
                case ESTIMATE -> estimate(document, (Estimate) request.content());
                case ROOM_REPORT -> roomReport(document, (RoomReport) request.content(), used);
                case CONTRACT_DRAFT -> new ContractDraftLayout(fonts).add(document, (ContractDraft) request.content());
            }
            int pages = writer.getPageNumber();
            document.close();
            return new RenderedDocument(pages, used.embedded(), used.skipped(), used.omitted());
        } catch (DocumentException e) {
            throw new RenderFailure("the document could not be laid out: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private void checklist(Document document, Checklist content) {
        List<Checklist.Item> items = required(content.items(), "items");
        int done = 0;
        for (Checklist.Item item : items) {
            done += item.checked() ? 1 : 0;
            Paragraph line = new Paragraph();
            line.add(new Chunk(item.checked() ? "[x]  " : "[  ]  ", fonts.bodyBold()));
            line.add(new Chunk(text(item.text(), "text"), fonts.body()));
            line.setSpacingAfter(4);
            document.add(line);
        }
        document.add(spacer());
        document.add(new Paragraph(done + " of " + items.size() + " done", fonts.small()));
    }

    private void plan(Document document, Plan content) {
        int n = 0;
        for (Plan.Section section : required(content.sections(), "sections")) {
            Paragraph heading = new Paragraph(++n + ". " + text(section.heading(), "heading"), fonts.heading());
            heading.setSpacingBefore(8);
            heading.setSpacingAfter(4);
            document.add(heading);
            document.add(new Paragraph(orEmpty(section.text()), fonts.body()));
        }
    }

    private void estimate(Document document, Estimate content) {
        String currency = text(content.currency(), "currency");
        PdfPTable table = new PdfPTable(new float[] {46, 12, 10, 16, 16});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : List.of("Description", "Quantity", "Unit", "Unit price", "Amount")) {
            PdfPCell cell = new PdfPCell(new Phrase(header, fonts.bodyBold()));
            cell.setGrayFill(0.92f);
            cell.setPadding(5);
            table.addCell(cell);
        }
        for (Estimate.Line line : required(content.lines(), "lines")) {
            table.addCell(cell(text(line.description(), "description"), Element.ALIGN_LEFT));
            table.addCell(cell(amount(line.quantity(), "quantity").toPlainString(), Element.ALIGN_RIGHT));
            table.addCell(cell(orEmpty(line.unit()), Element.ALIGN_LEFT));
            table.addCell(cell(money(amount(line.unitPrice(), "unitPrice")), Element.ALIGN_RIGHT));
            table.addCell(cell(money(amount(line.lineTotal(), "lineTotal")), Element.ALIGN_RIGHT));
        }
        document.add(table);
        document.add(spacer());
        BigDecimal rate = amount(content.taxRate(), "taxRate").movePointRight(2).stripTrailingZeros();
        total(document, "Subtotal", currency, amount(content.subtotal(), "subtotal"), fonts.body());
        total(document, "Tax (" + rate.toPlainString() + " %)", currency, amount(content.tax(), "tax"), fonts.body());
        total(document, "Total", currency, amount(content.total(), "total"), fonts.heading());
    }

    private void roomReport(Document document, RoomReport content, ReportImages images) {
        RoomReport.Room room = content.room();
        document.add(new Paragraph("Room: " + (room == null ? "" : orEmpty(room.name())) + " ("
                + (room == null ? "" : orEmpty(room.roomType())) + ")", fonts.heading()));
        List<RoomReport.Image> photos = content.imageList();
        List<RoomReport.Comparison> comparisons = content.comparisonList();
        document.add(new Paragraph(photos.size() + " images, " + comparisons.size() + " before/after comparisons",
                fonts.small()));
        Map<UUID, RoomReport.Image> byAsset = new HashMap<>();
        int placed = 0;
        for (RoomReport.Image photo : photos) {
            byAsset.put(photo.assetId(), photo);
            Image image = images.best(photo);
            if (image == null) {
                continue;
            }
            if (placed > 0 && placed % 2 == 0) {
                document.newPage();
            }
            image.scaleToFit(PHOTO_WIDTH, PHOTO_HEIGHT);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setAlt(photo.altText() != null ? photo.altText() : orEmpty(photo.caption()));
            Paragraph block = new Paragraph();
            block.setAlignment(Element.ALIGN_CENTER);
            block.setSpacingBefore(10);
            block.add(new Chunk(image, 0, 0, true));
            document.add(block);
            Paragraph caption = new Paragraph(orEmpty(photo.caption()), fonts.body());
            caption.setAlignment(Element.ALIGN_CENTER);
            document.add(caption);
            placed++;
        }
        if (!images.omitted().isEmpty()) {
            Paragraph note = new Paragraph(images.omitted().size() + " more images are not shown: this report"
                    + " reached its size limit of " + maxImageBytes / (1024 * 1024) + " MB of images.", fonts.small());
            note.setSpacingBefore(12);
            document.add(note);
        }
        if (!comparisons.isEmpty()) {
            document.newPage();
            document.add(new Paragraph("Before and after", fonts.heading()));
            for (RoomReport.Comparison comparison : comparisons) {
                comparison(document, comparison, byAsset, images);
            }
        }
    }

    private void comparison(Document document, RoomReport.Comparison comparison, Map<UUID, RoomReport.Image> byAsset,
            ReportImages images) {
        RoomReport.Image before = comparison.beforeAssetId() == null ? null : byAsset.get(comparison.beforeAssetId());
        RoomReport.Image after = comparison.afterAssetId() == null ? null : byAsset.get(comparison.afterAssetId());
        Image beforeImage = before == null ? null : images.best(before);
        Image afterImage = after == null ? null : images.best(after);
        if (beforeImage == null || afterImage == null) {
            return; // one side was deleted or is missing: a pair needs both
        }
        Paragraph title = new Paragraph(comparison.title() == null ? "Comparison" : comparison.title(),
                fonts.bodyBold());
        title.setSpacingBefore(12);
        document.add(title);
        PdfPTable pair = new PdfPTable(2);
        pair.setWidthPercentage(100);
        pair.setKeepTogether(true);
        for (String label : List.of("Before", "After")) {
            PdfPCell cell = new PdfPCell(new Phrase(label, fonts.small()));
            cell.setBorder(0);
            pair.addCell(cell);
        }
        for (Image image : List.of(beforeImage, afterImage)) {
            Image fitted = Image.getInstance(image);
            fitted.scaleToFit(PAIR_WIDTH, PAIR_HEIGHT);
            PdfPCell cell = new PdfPCell(fitted, false);
            cell.setBorder(0);
            cell.setPadding(3);
            pair.addCell(cell);
        }
        document.add(pair);
        String description = orEmpty(comparison.description());
        if (!description.isEmpty()) {
            document.add(new Paragraph(description, fonts.body()));
        }
    }

    private void total(Document document, String label, String currency, BigDecimal amount,
            com.lowagie.text.Font font) {
        Paragraph line = new Paragraph(label + ":  " + currency + " " + money(amount), font);
        line.setAlignment(Element.ALIGN_RIGHT);
        document.add(line);
    }

    private PdfPCell cell(String value, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value, fonts.body()));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }

    static Paragraph spacer() {
        return new Paragraph(" ");
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static <T> List<T> required(List<T> list, String field) {
        if (list == null || list.isEmpty()) {
            throw new RenderFailure("content." + field + " must be a non-empty list");
        }
        return list;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RenderFailure(field + " is missing");
        }
        return value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static BigDecimal amount(BigDecimal value, String field) {
        if (value == null) {
            throw new RenderFailure(field + " is not a number");
        }
        return value;
    }

    /**
     * Whether a PDF can carry this object as it is: JPEG, PNG and GIF can; an original in another format
     * (WebP, HEIC) only appears through its JPEG variant.
     */
    public static boolean embeddable(RoomReport.StoredObject object) {
        String type = object == null ? "" : orEmpty(object.contentType());
        return type.equals("image/jpeg") || type.equals("image/png") || type.equals("image/gif");
    }

    /**
     * The report's images, read one at a time: each is written into the PDF once, wrapped in a form XObject,
     * and only that small wrapper is kept (a photo shown again in a comparison reuses it), so the bytes of one
     * image at most are held while the report is laid out. Variants come first; an original is read only when
     * its variant is missing or unreadable. Once the images embedded reach the document's limit, no more are.
     */
    private static final class ReportImages {
        /** Longer side of the wrapper, in its own units (it is scaled when placed). */
        private static final float WRAPPER_SIDE = 1000;

        private final ImageSource source;
        private final PdfWriter writer;
        private final long limit;
        private final Map<UUID, Image> placed = new HashMap<>();
        private final List<UUID> skipped = new ArrayList<>();
        private final List<UUID> omitted = new ArrayList<>();
        private long used;
        private boolean full;

        ReportImages(ImageSource source, PdfWriter writer, long limit) {
            this.source = source;
            this.writer = writer;
            this.limit = limit;
        }

        /**
         * The photo's image; null when it is not shown: its objects are gone (skipped), or the document is
         * full (omitted). An original that exists but is not an image fails the document.
         */
        Image best(RoomReport.Image photo) {
            UUID assetId = photo.assetId();
            if (placed.containsKey(assetId)) {
                return placed.get(assetId);
            }
            Image image = full ? null : read(assetId, photo);
            if (image == null && !full) {
                skipped.add(assetId);
            } else if (image == null) {
                omitted.add(assetId);
            }
            placed.put(assetId, image);
            return image;
        }

        private Image read(UUID assetId, RoomReport.Image photo) {
            String variantKey = photo.variant() == null ? null : photo.variant().key();
            if (variantKey != null) {
                ImageSource.Fetched variant = source.fetch(variantKey, limit - used);
                if (variant instanceof ImageSource.OverLimit) {
                    full = true;
                    return null;
                }
                if (variant instanceof ImageSource.Found found) {
                    Image image = decode(found.bytes());
                    if (image != null) {
                        return place(image, found.bytes().length);
                    }
                }
            }
            String originalKey = embeddable(photo.original()) ? photo.original().key() : null;
            if (originalKey == null) {
                return null;
            }
            ImageSource.Fetched original = source.fetch(originalKey, limit - used);
            if (original instanceof ImageSource.OverLimit) {
                full = true;
                return null;
            }
            if (!(original instanceof ImageSource.Found found)) {
                return null;
            }
            Image image = decode(found.bytes());
            if (image == null) {
                throw new RenderFailure("the image of asset " + assetId + " is corrupt or not an image");
            }
            return place(image, found.bytes().length);
        }

        /** Writes the image into the PDF now and answers a wrapper that refers to it. */
        private Image place(Image image, int bytes) {
            used += bytes;
            float ratio = image.getPlainHeight() / image.getPlainWidth();
            float width = ratio <= 1 ? WRAPPER_SIDE : WRAPPER_SIDE / ratio;
            float height = ratio <= 1 ? WRAPPER_SIDE * ratio : WRAPPER_SIDE;
            PdfTemplate wrapper = writer.getDirectContent().createTemplate(width, height);
            try {
                wrapper.addImage(image, width, 0, 0, height, 0, 0);
                return Image.getInstance(wrapper);
            } catch (DocumentException e) {
                throw new RenderFailure("an image could not be placed: " + e.getMessage(), e);
            }
        }

        int embedded() {
            return (int) placed.values().stream().filter(java.util.Objects::nonNull).count();
        }

        List<UUID> skipped() {
            return List.copyOf(skipped);
        }

        List<UUID> omitted() {
            return List.copyOf(omitted);
        }

        private static Image decode(byte[] data) {
            try {
                return Image.getInstance(data);
            } catch (Exception | LinkageError e) {
                return null;
            }
        }
    }
}
