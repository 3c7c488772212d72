package io.hotelkit.billing.internal;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The charges of a night in the house: the room at its frozen price, the VAT added on top of it if the
 * property adds VAT, and the city tax. Each is posted once: lines carry references
 * ({@code room:2026-12-01}, {@code tax:…}, {@code city_tax:…}) that a second posting finds and skips, on
 * whichever window of the booking the routing sent them to, so a night audit that runs twice, or is
 * interrupted and runs again, posts nothing twice.
 */
public final class RoomCharges {

    private RoomCharges() {}

    /**
     * Posts the night's lines the booking's windows lack, each where the routing sends it, computed exactly
     * as offers compute totals. A charge for a company over its credit limit goes to the guest's window.
     */
    public static void postNight(Posting posting, PropertyId propertyId, BookingId bookingId, LocalDate night, Money roomPrice,
            Occupancy occupancy, Property property, IdGenerator ids, Instant at) {
        List<Folio> windows = posting.windows(propertyId, bookingId);
        List<FolioLine> lines = new ArrayList<>();
        for (Charge charge : nightCharges(night, roomPrice, occupancy, property)) {
            if (windows.stream().noneMatch(folio -> folio.hasReference(charge.reference()))) {
                lines.add(charge.line(ids, night, at));
            }
        }
        posting.postAll(propertyId, bookingId, lines);
    }

    /** The folio with the night's lines it lacks: for a single window, as before windows. */
    public static Folio postNight(Folio folio, LocalDate night, Money roomPrice, Occupancy occupancy, Property property,
            IdGenerator ids, Instant at) {
        Folio posted = folio;
        for (Charge charge : nightCharges(night, roomPrice, occupancy, property)) {
            if (!posted.hasReference(charge.reference())) {
                posted = posted.post(charge.line(ids, night, at));
            }
        }
        return posted;
    }

    /** Whether the night's room charge is on one of the booking's windows. */
    public static boolean isPosted(Posting posting, PropertyId propertyId, BookingId bookingId, LocalDate night) {
        return posting.posted(propertyId, bookingId, "room:" + night);
    }

    /** Whether the night's room charge is on the folio. */
    public static boolean isPosted(Folio folio, LocalDate night) {
        return folio.hasReference("room:" + night);
    }

    private record Charge(FolioLineKind kind, String description, Money amount, String reference) {
        FolioLine line(IdGenerator ids, LocalDate night, Instant at) {
            return new FolioLine(ids.next(), night, kind, description, amount, reference, at);
        }
    }

    private static List<Charge> nightCharges(LocalDate night, Money roomPrice, Occupancy occupancy, Property property) {
        TaxPolicy.NightCharges charges = property.taxes().nightCharges(roomPrice, occupancy, property.rounding());
        List<Charge> lines = new ArrayList<>();
        lines.add(new Charge(FolioLineKind.ROOM, "Room, night of " + night, charges.room(), "room:" + night));
        if (!charges.vat().isZero()) {
            lines.add(new Charge(FolioLineKind.TAX, "VAT " + property.taxes().vatPercent().stripTrailingZeros()
                    .toPlainString() + "%, night of " + night, charges.vat(), "tax:" + night));
        }
        if (!charges.cityTax().isZero()) {
            lines.add(new Charge(FolioLineKind.CITY_TAX, "City tax, " + occupancy.persons() + " persons, night of "
                    + night, charges.cityTax(), "city_tax:" + night));
        }
        return lines;
    }
}
