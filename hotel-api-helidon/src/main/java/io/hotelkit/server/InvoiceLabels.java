package io.hotelkit.server;

import io.hotelkit.billing.Invoice;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The words and formats of an invoice's PDF in a property's language: English and Portuguese; any other
 * language prints in English. Amounts keep every digit of the money (no grouping), with the language's
 * decimal separator.
 */
enum InvoiceLabels {

    EN("en", DateTimeFormatter.ISO_LOCAL_DATE, '.', Map.ofEntries(
            Map.entry("invoice", "Invoice"),
            Map.entry("credit_note", "Credit note"),
            Map.entry("number", "Number"),
            Map.entry("issue_date", "Issue date"),
            Map.entry("credits", "Credits invoice"),
            Map.entry("seller", "Seller"),
            Map.entry("buyer", "Bill to"),
            Map.entry("vat_id", "VAT id"),
            Map.entry("booking", "Booking"),
            Map.entry("date", "Date"),
            Map.entry("description", "Description"),
            Map.entry("amount", "Amount"),
            Map.entry("vat_breakdown", "VAT breakdown"),
            Map.entry("rate", "Rate"),
            Map.entry("net", "Net"),
            Map.entry("vat", "VAT"),
            Map.entry("gross", "Gross"),
            Map.entry("total", "Total"),
            Map.entry("of_which_vat", "of which VAT"),
            Map.entry("paid_by_card", "Paid by card"),
            Map.entry("page", "Page"))),
    PT("pt", DateTimeFormatter.ofPattern("dd/MM/yyyy"), ',', Map.ofEntries(
            Map.entry("invoice", "Fatura"),
            Map.entry("credit_note", "Nota de crédito"),
            Map.entry("number", "Número"),
            Map.entry("issue_date", "Data de emissão"),
            Map.entry("credits", "Anula a fatura"),
            Map.entry("seller", "Fornecedor"),
            Map.entry("buyer", "Cliente"),
            Map.entry("vat_id", "NIF"),
            Map.entry("booking", "Reserva"),
            Map.entry("date", "Data"),
            Map.entry("description", "Descrição"),
            Map.entry("amount", "Valor"),
            Map.entry("vat_breakdown", "Resumo do IVA"),
            Map.entry("rate", "Taxa"),
            Map.entry("net", "Base tributável"),
            Map.entry("vat", "IVA"),
            Map.entry("gross", "Total"),
            Map.entry("total", "Total"),
            Map.entry("of_which_vat", "dos quais IVA"),
            Map.entry("paid_by_card", "Pago com cartão"),
            Map.entry("page", "Página")));

    private final String language;
    private final DateTimeFormatter dates;
    private final char decimalSeparator;
    private final Map<String, String> words;

    InvoiceLabels(String language, DateTimeFormatter dates, char decimalSeparator, Map<String, String> words) {
        this.language = language;
        this.dates = dates;
        this.decimalSeparator = decimalSeparator;
        this.words = words;
    }

    /** The labels of a language, English for one there are none for. */
    static InvoiceLabels of(String language) {
        for (InvoiceLabels labels : values()) {
            if (labels.language.equals(language)) {
                return labels;
            }
        }
        return EN;
    }

    String word(String key) {
        String word = words.get(key);
        if (word == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return word;
    }

    String date(LocalDate date) {
        return dates.format(date);
    }

    /** A plain decimal in this language: {@code 123.40} or {@code 123,40}. */
    String decimal(java.math.BigDecimal value) {
        return value.toPlainString().replace('.', decimalSeparator);
    }

    /**
     * A line's description: as the folio wrote it, except the lines the night audit posts, which are worded
     * in this language.
     */
    String description(Invoice.Line line) {
        if (this == EN) {
            return line.description();
        }
        String night = ", noite de " + date(line.date());
        return switch (line.kind()) {
            case ROOM -> "Alojamento" + night;
            case TAX -> "IVA" + night;
            case CITY_TAX -> "Taxa turística" + night;
            default -> line.description();
        };
    }
}
