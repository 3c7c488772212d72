package io.hotelkit.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row of {@code folio_windows}: a booking's window 2 to 8, with its lines in {@code folio_window_lines}, only ever added to. */
@Entity
@Table(name = "folio_windows")
@IdClass(FolioWindowEntity.Key.class)
class FolioWindowEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String bookingId;
    @Id
    int windowNo;
    String guestId;
    String currency;
    String payerKind;
    @Nullable String payerName;
    @Nullable String companyId;
    String routes;

    @ElementCollection
    @CollectionTable(name = "folio_window_lines", joinColumns = {
            @JoinColumn(name = "property_id", referencedColumnName = "propertyId"),
            @JoinColumn(name = "booking_id", referencedColumnName = "bookingId"),
            @JoinColumn(name = "window_no", referencedColumnName = "windowNo")})
    @OrderColumn(name = "line_no")
    List<FolioEntity.LineRow> lines = new ArrayList<>();

    record Key(String propertyId, String bookingId, int windowNo) {}
}
