package io.hotelkit.billing.internal;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The charges of a night in the house: the room at its frozen price, the rate plan's packages, the VAT
 * added on top of each if the property adds VAT, and the city tax. Each is posted once: lines carry
 * references ({@code room:2026-12-01}, {@code tax:…}, {@code city_tax:…}, {@code package:BRK:…},
 * {@code tax:package:BRK:…}) that a second posting finds and skips, so a night audit that runs twice, or is
 * interrupted and runs again, posts nothing twice.
 *
 * <p>The lines are {@link TaxPolicy.StayTaxes#nightLines}: the very lines an offer's total sums.
 */
public final class RoomCharges {

    private RoomCharges() {}

    /** A plan's packages priced for these guests. */
    public static List<TaxPolicy.PackageCharge> packagesFor(List<RatePackage> packages, Occupancy occupancy) {
        return packages.stream().map(pkg -> pkg.forGuests(occupancy)).toList();
    }

    /**
     * The folio with the night's lines it lacks, computed exactly as offers compute totals.
     *
     * @param checkin the stay's first night: a city tax capped at some nights, and what is charged once a
     *     stay, count from it
     */
    public static Folio postNight(Folio folio, LocalDate night, LocalDate checkin, Money roomPrice, Occupancy occupancy,
            List<TaxPolicy.PackageCharge> packages, Property property, IdGenerator ids, Instant at) {
        TaxPolicy taxes = property.taxes();
        taxes.cityTax().amount().requireCurrency(roomPrice.currency());
        int index = Math.toIntExact(ChronoUnit.DAYS.between(checkin, night));
        List<TaxPolicy.NightLine> lines = taxes.forStay(occupancy, property.rounding(), packages).nightLines(index, roomPrice.minorUnits());
        Folio posted = folio;
        for (TaxPolicy.NightLine line : lines) {
            Money amount = Money.ofMinor(line.amountMinor(), roomPrice.currency());
            posted = switch (line.kind()) {
                case ROOM -> post(posted, night, FolioLineKind.ROOM, "Room, night of " + night, amount, "room:" + night, ids, at,
                        "room", line.vatPercent());
                case PACKAGE -> post(posted, night, FolioLineKind.PACKAGE, line.name() + ", night of " + night, amount,
                        "package:" + line.code() + ":" + night, ids, at, line.category(), line.vatPercent());
                case VAT -> line.code().equals("room") && line.category().equals("room")
                        ? post(posted, night, FolioLineKind.TAX, "VAT " + percent(line.vatPercent()) + "%, night of " + night, amount,
                                "tax:" + night, ids, at, "room", line.vatPercent())
                        : post(posted, night, FolioLineKind.TAX, "VAT " + percent(line.vatPercent()) + "% on " + line.code() + ", night of "
                                + night, amount, "tax:package:" + line.code() + ":" + night, ids, at, line.category(), line.vatPercent());
                case CITY_TAX -> post(posted, night, FolioLineKind.CITY_TAX, "City tax, " + occupancy.persons() + " persons, night of "
                        + night, amount, "city_tax:" + night, ids, at, "city_tax", null);
            };
        }
        return posted;
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }

    /** Whether the night's room charge is on the folio. */
    public static boolean isPosted(Folio folio, LocalDate night) {
        return folio.hasReference("room:" + night);
    }

    private static Folio post(Folio folio, LocalDate night, FolioLineKind kind, String description, Money amount, String reference,
            IdGenerator ids, Instant at, String category, BigDecimal vatPercent) {
        if (folio.hasReference(reference)) {
            return folio;
        }
        return folio.post(new FolioLine(ids.next(), night, kind, description, amount, reference, at, category, vatPercent));
    }
}
