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

/** A row of {@code folios}, with its lines in {@code folio_lines}, only ever added to. */
@Entity
@Table(name = "folios")
@IdClass(FolioEntity.Key.class)
class FolioEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String bookingId;
    String guestId;
    String currency;

    @ElementCollection
    @CollectionTable(name = "folio_lines", joinColumns = {
            @JoinColumn(name = "property_id", referencedColumnName = "propertyId"),
            @JoinColumn(name = "booking_id", referencedColumnName = "bookingId")})
    @OrderColumn(name = "line_no")
    List<LineRow> lines = new ArrayList<>();

    record Key(String propertyId, String bookingId) {}

    @Embeddable
    static class LineRow {
        String id;
        LocalDate businessDate;
        String kind;
        String description;
        BigDecimal amount;
        @Nullable String reference;
        Instant postedAt;
        @Nullable String category;
        @Nullable BigDecimal vatPercent;
    }
}
