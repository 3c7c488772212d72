package io.hotelkit.billing.internal;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The charges of a night in the house: the room at its frozen price, the rate plan's packages, the VAT
 * added on top of each if the property adds VAT, and the city tax. Each is posted once: lines carry references
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
    public static void postNight(Posting posting, PropertyId propertyId, BookingId bookingId, LocalDate night, LocalDate checkin,
            Money roomPrice, Occupancy occupancy, List<TaxPolicy.PackageCharge> packages, Property property, IdGenerator ids,
            Instant at) {
        List<Folio> windows = posting.windows(propertyId, bookingId);
        List<FolioLine> lines = new ArrayList<>();
        for (Charge charge : nightCharges(night, checkin, roomPrice, occupancy, packages, property)) {
            if (windows.stream().noneMatch(folio -> folio.hasReference(charge.reference()))) {
                lines.add(charge.line(ids, night, at));
            }
        }
        posting.postAll(propertyId, bookingId, lines);
    }

    /** The folio with the night's lines it lacks: for a single window, as before windows. */
    public static Folio postNight(Folio folio, LocalDate night, LocalDate checkin, Money roomPrice, Occupancy occupancy,
            List<TaxPolicy.PackageCharge> packages, Property property, IdGenerator ids, Instant at) {
        Folio posted = folio;
        for (Charge charge : nightCharges(night, checkin, roomPrice, occupancy, packages, property)) {
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

    private record Charge(FolioLineKind kind, String description, Money amount, String reference, String category,
            @Nullable BigDecimal vatPercent) {
        FolioLine line(IdGenerator ids, LocalDate night, Instant at) {
            return new FolioLine(ids.next(), night, kind, description, amount, reference, at, category, vatPercent);
        }
    }

    /** A plan's packages priced for these guests. */
    public static List<TaxPolicy.PackageCharge> packagesFor(List<RatePackage> packages, Occupancy occupancy) {
        return packages.stream().map(pkg -> pkg.forGuests(occupancy)).toList();
    }

    /**
     * The night's lines: {@link TaxPolicy.StayTaxes#nightLines}, the very lines an offer's total sums.
     *
     * @param checkin the stay's first night: a city tax capped at some nights, and what is charged once a stay, count from it
     */
    private static List<Charge> nightCharges(LocalDate night, LocalDate checkin, Money roomPrice, Occupancy occupancy,
            List<TaxPolicy.PackageCharge> packages, Property property) {
        property.taxes().cityTax().amount().requireCurrency(roomPrice.currency());
        int index = Math.toIntExact(ChronoUnit.DAYS.between(checkin, night));
        List<Charge> charges = new ArrayList<>();
        for (TaxPolicy.NightLine line : property.taxes().forStay(occupancy, property.rounding(), packages)
                .nightLines(index, roomPrice.minorUnits())) {
            Money amount = Money.ofMinor(line.amountMinor(), roomPrice.currency());
            charges.add(switch (line.kind()) {
                case ROOM -> new Charge(FolioLineKind.ROOM, "Room, night of " + night, amount, "room:" + night, "room",
                        line.vatPercent());
                case PACKAGE -> new Charge(FolioLineKind.PACKAGE, line.name() + ", night of " + night, amount,
                        "package:" + line.code() + ":" + night, line.category(), line.vatPercent());
                case VAT -> line.category().equals("room")
                        ? new Charge(FolioLineKind.TAX, "VAT " + percent(line.vatPercent()) + "%, night of " + night, amount,
                                "tax:" + night, "room", line.vatPercent())
                        : new Charge(FolioLineKind.TAX, "VAT " + percent(line.vatPercent()) + "% on " + line.code() + ", night of "
                                + night, amount, "tax:package:" + line.code() + ":" + night, line.category(), line.vatPercent());
                case CITY_TAX -> new Charge(FolioLineKind.CITY_TAX, "City tax, " + occupancy.persons() + " persons, night of "
                        + night, amount, "city_tax:" + night, "city_tax", null);
            });
        }
        return charges;
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
