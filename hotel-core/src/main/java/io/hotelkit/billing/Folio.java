package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking's account, billed to its guest: its charges, payments and refunds. The balance is always the sum of the lines;
 * lines are only ever added, never changed or removed.
 */
public record Folio(BookingId bookingId, PropertyId propertyId, GuestId guestId, Currency currency, List<FolioLine> lines, long version)
        implements Versioned<Folio> {

    public Folio {
        Objects.requireNonNull(bookingId, "booking id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(guestId, "guest id");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        lines.forEach(line -> line.amount().requireCurrency(currency));
    }

    public static Folio open(BookingId bookingId, PropertyId propertyId, GuestId guestId, Currency currency) {
        return new Folio(bookingId, propertyId, guestId, currency, List.of(), 0);
    }

    /** What the guest owes: charges and refunds less payments. */
    public Money balance() {
        return sum(lines);
    }

    /** The sum of the charge lines (room, taxes, extras, fees). */
    public Money charges() {
        return sum(lines.stream().filter(line -> line.kind().isCharge()).toList());
    }

    public boolean hasReference(String reference) {
        return line(reference).isPresent();
    }

    public Optional<FolioLine> line(String reference) {
        return lines.stream().filter(line -> reference.equals(line.reference())).findFirst();
    }

    /**
     * This folio with {@code line} added.
     *
     * @throws IllegalArgumentException if the folio has a line with the same reference
     */
    public Folio post(FolioLine line) {
        line.amount().requireCurrency(currency);
        if (line.reference() != null && hasReference(line.reference())) {
            throw new IllegalArgumentException("folio of booking " + bookingId + " has a line for " + line.reference() + " already");
        }
        List<FolioLine> posted = new ArrayList<>(lines);
        posted.add(line);
        return new Folio(bookingId, propertyId, guestId, currency, posted, version);
    }

    private Money sum(List<FolioLine> selected) {
        Money total = Money.zero(currency);
        for (FolioLine line : selected) {
            total = total.plus(line.amount());
        }
        return total;
    }

    @Override
    public Folio withVersion(long newVersion) {
        return new Folio(bookingId, propertyId, guestId, currency, lines, newVersion);
    }
}
