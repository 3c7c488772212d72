package io.hotelkit.billing.internal;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The charges of a night in the house: the room at its frozen price, the VAT added on top of it if the
 * property adds VAT, and the city tax. Each is posted once: lines carry references
 * ({@code room:2026-12-01}, {@code tax:…}, {@code city_tax:…}) that a second posting finds and skips, so a
 * night audit that runs twice, or is interrupted and runs again, posts nothing twice.
 */
public final class RoomCharges {

    private RoomCharges() {}

    /** The folio with the night's lines it lacks, computed exactly as offers compute totals. */
    public static Folio postNight(Folio folio, LocalDate night, Money roomPrice, Occupancy occupancy, Property property,
            IdGenerator ids, Instant at) {
        TaxPolicy.NightCharges charges = property.taxes().nightCharges(roomPrice, occupancy, property.rounding());
        Folio posted = post(folio, night, FolioLineKind.ROOM, "Room, night of " + night, charges.room(), "room:" + night, ids, at);
        if (!charges.vat().isZero()) {
            posted = post(posted, night, FolioLineKind.TAX, "VAT " + property.taxes().vatPercent().stripTrailingZeros().toPlainString()
                    + "%, night of " + night, charges.vat(), "tax:" + night, ids, at);
        }
        if (!charges.cityTax().isZero()) {
            posted = post(posted, night, FolioLineKind.CITY_TAX, "City tax, " + occupancy.persons() + " persons, night of " + night,
                    charges.cityTax(), "city_tax:" + night, ids, at);
        }
        return posted;
    }

    /** Whether the night's room charge is on the folio. */
    public static boolean isPosted(Folio folio, LocalDate night) {
        return folio.hasReference("room:" + night);
    }

    private static Folio post(Folio folio, LocalDate night, FolioLineKind kind, String description, Money amount, String reference,
            IdGenerator ids, Instant at) {
        if (folio.hasReference(reference)) {
            return folio;
        }
        return folio.post(new FolioLine(ids.next(), night, kind, description, amount, reference, at));
    }
}
