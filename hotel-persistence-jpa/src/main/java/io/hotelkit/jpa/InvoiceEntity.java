package io.hotelkit.jpa;

import org.hibernate.type.SqlTypes;

import org.hibernate.annotations.JdbcTypeCode;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row of {@code invoices}, with its lines in {@code invoice_lines}; written once, never changed. */
@Entity
@Table(name = "invoices")
@IdClass(InvoiceEntity.Key.class)
class InvoiceEntity {
    @Id
    String propertyId;
    @Id
    String id;
    String bookingId;
    String number;
    String kind;
    @Nullable String credits;
    LocalDate issueDate;
    Instant issuedAt;
    String guestId;
    String currency;
    BigDecimal total;
    BigDecimal vat;
    @Nullable String paymentHint;
    int windowNo = 1;
    @Nullable String companyId;
    /** Net, VAT and gross per VAT rate (V15), a JSON array; null for an invoice issued before. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Nullable String vatBreakdown;

    @ElementCollection
    @CollectionTable(name = "invoice_lines", joinColumns = {
            @JoinColumn(name = "property_id", referencedColumnName = "propertyId"),
            @JoinColumn(name = "invoice_id", referencedColumnName = "id")})
    @OrderColumn(name = "line_no")
    List<LineRow> lines = new ArrayList<>();

    record Key(String propertyId, String id) {}

    @Embeddable
    static class LineRow {
        String folioLineId;
        LocalDate lineDate;
        String kind;
        String description;
        BigDecimal amount;
        @Nullable String category;
        @Nullable BigDecimal vatPercent;
    }
}
