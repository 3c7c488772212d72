package io.hotelkit.shared;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A guest's stay: arrives on {@code checkin}, leaves on {@code checkout}, and occupies the nights
 * {@code [checkin, checkout)}. A stay from the 1st to the 3rd holds the nights of the 1st and the 2nd;
 * another may start on the 3rd.
 */
public record Stay(LocalDate checkin, LocalDate checkout) {

    public Stay {
        Objects.requireNonNull(checkin, "checkin date");
        Objects.requireNonNull(checkout, "checkout date");
        if (!checkout.isAfter(checkin)) {
            throw new IllegalArgumentException("checkout date " + checkout + " must be after checkin date " + checkin);
        }
    }

    public static Stay of(LocalDate checkin, LocalDate checkout) {
        return new Stay(checkin, checkout);
    }

    public static Stay of(String checkin, String checkout) {
        return new Stay(LocalDate.parse(checkin), LocalDate.parse(checkout));
    }

    public int nights() {
        return (int) (checkout.toEpochDay() - checkin.toEpochDay());
    }

    public DateRange nightsAsRange() {
        return new DateRange(checkin, checkout);
    }

    /** Each night of the stay, in order. */
    public Stream<LocalDate> dates() {
        return checkin.datesUntil(checkout);
    }

    public boolean includesNight(LocalDate night) {
        return !night.isBefore(checkin) && night.isBefore(checkout);
    }

    public boolean overlaps(Stay other) {
        return checkin.isBefore(other.checkout) && other.checkin.isBefore(checkout);
    }

    @Override
    public String toString() {
        return "[" + checkin + ", " + checkout + ")";
    }
}
