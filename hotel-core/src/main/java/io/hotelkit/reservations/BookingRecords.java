package io.hotelkit.reservations;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Objects;

/**
 * What the reservation services share: reading a booking and its folio with the same refusals, and
 * what a stay of some nights costs with its taxes.
 */
final class BookingRecords {

    private final Bookings bookings;
    private final Folios folios;

    BookingRecords(Bookings bookings, Folios folios) {
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.folios = Objects.requireNonNull(folios, "folios");
    }

    Booking booking(BookingId id) {
        return bookings.findBy(Objects.requireNonNull(id, "booking id")).orElseThrow(() -> new NotFoundException("booking", id));
    }

    /** The booking, if it is of that property; another property's booking is not found. */
    Booking booking(PropertyId propertyId, BookingId id) {
        return bookings.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "booking id"))
                .orElseThrow(() -> new NotFoundException("booking", id));
    }

    /** As {@link #booking(PropertyId, BookingId)}, read to be changed in the current transaction. */
    Booking bookingForUpdate(PropertyId propertyId, BookingId id) {
        return bookings.findForUpdate(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "booking id"))
                .orElseThrow(() -> new NotFoundException("booking", id));
    }

    /** The folio of a booking; every booking has one from the moment it is made. */
    Folio folio(PropertyId propertyId, BookingId id) {
        return folios.findBy(propertyId, id).orElseThrow(() -> new NotFoundException("folio of booking", id));
    }

    /** What these nights cost with the property's taxes and the plan's packages for these guests. */
    static Money stayTotal(Property property, List<RatePackage> packages, List<Money> nightly, Occupancy occupancy) {
        long[] minor = new long[nightly.size()];
        for (int n = 0; n < minor.length; n++) {
            minor[n] = nightly.get(n).minorUnits();
        }
        List<TaxPolicy.PackageCharge> charges = packages.stream().map(pkg -> pkg.forGuests(occupancy)).toList();
        return Money.ofMinor(property.taxes().forStay(occupancy, property.rounding(), charges).stayTotalMinor(minor),
                property.currency());
    }
}
