package io.hotelkit.shared;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The half-open range of nights {@code [start, end)}: the night of {@code start} is in it, the night of
 * {@code end} is not. Out-of-order periods, blocks and price grids are date ranges; a {@link Stay} is one
 * too.
 */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start date");
        Objects.requireNonNull(end, "end date");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end date " + end + " must be after start date " + start);
        }
    }

    public static DateRange of(LocalDate start, LocalDate end) {
        return new DateRange(start, end);
    }

    public int nights() {
        return (int) (end.toEpochDay() - start.toEpochDay());
    }

    public boolean contains(LocalDate night) {
        return !night.isBefore(start) && night.isBefore(end);
    }

    public boolean contains(DateRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean overlaps(DateRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Each night of the range, in order. */
    public Stream<LocalDate> dates() {
        return start.datesUntil(end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
