package io.hotelkit.server;

import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or a credit note as an A4 PDF, with Apache PDFBox: the seller (the property: name, address, VAT
 * id) and the buyer, the number and dates, the lines, the VAT breakdown per rate and the total, worded in the
 * property's language ({@link InvoiceLabels}).
 *
 * <p>The text is set in Liberation Sans (SIL Open Font License), the font PDFBox carries, embedded as a
 * subset: Latin, Greek and Cyrillic names print as they are; a character it has no glyph for prints as
 * {@code ?}. The PDF is made from the stored invoice each time it is asked for; the invoice never changes, so
 * neither does what it says.
 */
final class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final float SIZE = 10;
    private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;

    /**
     * What goes on the document beside the invoice itself.
     *
     * @param credited the number of the invoice a credit note reverses
     */
    record Parties(Property seller, String billTo, @Nullable String buyerVatId, @Nullable String credited) {}

    private InvoicePdf() {}

    static byte[] render(Invoice invoice, Parties parties, List<Invoice.VatLine> vat) {
        InvoiceLabels labels = InvoiceLabels.of(parties.seller().language());
        try (PDDocument document = new PDDocument(); InputStream fontFile = InvoicePdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IllegalStateException("PDFBox's font " + FONT + " is not on the class path");
            }
            PDType0Font font = PDType0Font.load(document, fontFile);
            String title = labels.word(invoice.kind() == InvoiceKind.INVOICE ? "invoice" : "credit_note");
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title + " " + invoice.number());
            info.setAuthor(parties.seller().name());
            info.setProducer("hotelkit");
            Pages pages = new Pages(document, font, labels);
            pages.line(title + " " + invoice.number(), 16);
            pages.gap();
            pages.pair(labels.word("number"), invoice.number());
            pages.pair(labels.word("issue_date"), labels.date(invoice.issueDate()));
            if (parties.credited() != null) {
                pages.pair(labels.word("credits"), parties.credited());
            }
            pages.pair(labels.word("booking"), invoice.bookingId().value());
            pages.gap();
            pages.line(labels.word("seller"), 12);
            pages.line(parties.seller().name(), SIZE);
            if (parties.seller().address() != null) {
                for (String addressLine : parties.seller().address().split("\\R")) {
                    pages.line(addressLine, SIZE);
                }
            }
            if (parties.seller().vatId() != null) {
                pages.pair(labels.word("vat_id"), parties.seller().vatId());
            }
            pages.gap();
            pages.line(labels.word("buyer"), 12);
            pages.line(parties.billTo(), SIZE);
            if (parties.buyerVatId() != null) {
                pages.pair(labels.word("vat_id"), parties.buyerVatId());
            }
            pages.gap();
            pages.row(labels.word("date"), labels.word("description"), labels.word("amount"));
            for (Invoice.Line line : invoice.lines()) {
                pages.row(labels.date(line.date()), labels.description(line), money(labels, line.amount()));
            }
            pages.gap();
            pages.line(labels.word("vat_breakdown"), 12);
            pages.columns(labels.word("rate"), labels.word("net"), labels.word("vat"), labels.word("gross"));
            for (Invoice.VatLine line : vat) {
                pages.columns(labels.decimal(line.percent()) + " %", money(labels, line.net()), money(labels, line.vat()),
                        money(labels, line.gross()));
            }
            pages.gap();
            pages.row("", labels.word("total"), money(labels, invoice.total()));
            pages.row("", labels.word("of_which_vat"), money(labels, invoice.vat()));
            if (invoice.paymentHint() != null) {
                pages.gap();
                pages.pair(labels.word("paid_by_card"), invoice.paymentHint());
            }
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the PDF of invoice " + invoice.number(), e);
        }
    }

    private static String money(InvoiceLabels labels, Money money) {
        return labels.decimal(money.amount()) + " " + money.currency().getCurrencyCode();
    }

    /** Text laid out top to bottom, a new page when one is full, each page numbered at its foot. */
    private static final class Pages {
        private final PDDocument document;
        private final PDType0Font font;
        private final InvoiceLabels labels;
        private final List<PDPage> all = new ArrayList<>();
        private @Nullable PDPageContentStream content;
        private float y;

        Pages(PDDocument document, PDType0Font font, InvoiceLabels labels) throws IOException {
            this.document = document;
            this.font = font;
            this.labels = labels;
            newPage();
        }

        void line(String text, float size) throws IOException {
            room(size + 4);
            show(MARGIN, text, size);
            y -= size + 4;
        }

        void pair(String label, String value) throws IOException {
            room(LEADING);
            show(MARGIN, label + ":", SIZE);
            show(MARGIN + 110, value, SIZE);
            y -= LEADING;
        }

        /** A line of the invoice: a date, a description cut to fit, an amount set right. */
        void row(String date, String description, String amount) throws IOException {
            room(LEADING);
            show(MARGIN, date, SIZE);
            show(MARGIN + 75, fit(description, RIGHT - 110 - (MARGIN + 75)), SIZE);
            showRight(RIGHT, amount, SIZE);
            y -= LEADING;
        }

        /** Four columns set right (the VAT breakdown). */
        void columns(String first, String second, String third, String fourth) throws IOException {
            room(LEADING);
            show(MARGIN, first, SIZE);
            showRight(RIGHT - 230, second, SIZE);
            showRight(RIGHT - 115, third, SIZE);
            showRight(RIGHT, fourth, SIZE);
            y -= LEADING;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            finishPage();
            for (int i = 0; i < all.size(); i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, all.get(i), PDPageContentStream.AppendMode.APPEND,
                        true)) {
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN / 2);
                    foot.showText(labels.word("page") + " " + (i + 1) + "/" + all.size());
                    foot.endText();
                }
            }
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                finishPage();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            all.add(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void finishPage() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        private void show(float x, String text, float size) throws IOException {
            PDPageContentStream out = java.util.Objects.requireNonNull(content);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y - size);
            out.showText(printable(text));
            out.endText();
        }

        private void showRight(float right, String text, float size) throws IOException {
            show(right - width(printable(text), size), text, size);
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** The text cut, with an ellipsis, to fit the width. */
        private String fit(String text, float width) throws IOException {
            String printable = printable(text);
            if (width(printable, SIZE) <= width) {
                return printable;
            }
            String cut = printable;
            while (!cut.isEmpty() && width(cut + "…", SIZE) > width) {
                cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
            }
            return cut + "…";
        }

        /** The text with each character the font has no glyph for as {@code ?}, and control characters as spaces. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (Character.isISOControl(c)) {
                    out.append(' ');
                } else if (hasGlyph(c)) {
                    out.appendCodePoint(c);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                return font.hasGlyph(codePoint);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
