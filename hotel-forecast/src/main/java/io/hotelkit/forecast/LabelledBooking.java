package io.hotelkit.forecast;

import java.util.Objects;

/**
 * A booking of the past as it was made, and what became of it: the rows a model learns from.
 *
 * @param cancelled whether it was cancelled or did not show
 */
public record LabelledBooking(BookingSnapshot snapshot, boolean cancelled) {
    public LabelledBooking {
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
