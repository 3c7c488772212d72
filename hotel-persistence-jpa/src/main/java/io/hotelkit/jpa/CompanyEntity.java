package io.hotelkit.jpa;

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

/** A row of {@code companies}, with its account's entries in {@code company_entries}, only ever added to. */
@Entity
@Table(name = "companies")
@IdClass(CompanyEntity.Key.class)
class CompanyEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String id;
    String kind;
    String name;
    String line1;
    @Nullable String line2;
    String postalCode;
    String city;
    String country;
    @Nullable String vatId;
    String currency;
    BigDecimal creditLimit;

    @ElementCollection
    @CollectionTable(name = "company_entries", joinColumns = {
            @JoinColumn(name = "property_id", referencedColumnName = "propertyId"),
            @JoinColumn(name = "company_id", referencedColumnName = "id")})
    @OrderColumn(name = "line_no")
    List<EntryRow> entries = new ArrayList<>();

    record Key(String propertyId, String id) {}

    @Embeddable
    static class EntryRow {
        String id;
        String kind;
        LocalDate entryDate;
        BigDecimal amount;
        @Nullable String invoiceId;
        @Nullable String number;
        @Nullable String paymentId;
        @Nullable String reference;
        Instant entryAt;
    }
}
