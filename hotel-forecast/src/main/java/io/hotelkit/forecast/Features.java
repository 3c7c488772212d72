package io.hotelkit.forecast;

import io.hotelkit.rates.CancellationPolicy;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The features a cancellation model reads, all taken from a {@link BookingSnapshot}: known when the
 * booking was made. None is the status, the assigned room or anything changed later.
 */
public final class Features {

    /** The features' names, in the order of the numbers the model reads. */
    public static final List<String> NAMES = List.of(
            "lead_time_days",
            "nights",
            "weekend_nights",
            "adults",
            "children",
            "price_per_night",
            "free_cancellation_days_before_arrival",
            "days_free_to_cancel_at_booking",
            "penalty",
            "penalty_percent",
            "guaranteed",
            "special_requests",
            "guest_earlier_stays",
            "guest_earlier_cancellations",
            "occupancy_at_booking",
            "arrival_week",
            "arrival_weekday",
            "booked_weekday",
            "room_type_share",
            "room_type_cancellation_rate",
            "rate_plan_share",
            "rate_plan_cancellation_rate",
            "source_known",
            "source_share",
            "source_cancellation_rate");

    private Features() {}

    /** The categorical features' encodings, learned from the training bookings. */
    record Encodings(Encoding roomType, Encoding ratePlan, Encoding source, int trained) {}

    static float[] of(BookingSnapshot b, Encodings e) {
        CancellationPolicy policy = b.cancellationPolicy();
        int lead = b.leadTimeDays();
        double trained = Math.max(1, e.trained());
        return new float[] {
            lead,
            b.nights(),
            b.weekendNights(),
            b.adults(),
            b.children(),
            (float) b.pricePerNight(),
            policy.freeUntilDaysBefore(),
            policy.penalty() == CancellationPolicy.Penalty.NONE ? lead : lead - policy.freeUntilDaysBefore(),
            policy.penalty().ordinal(),
            policy.percent() == null ? 0 : policy.percent().floatValue(),
            b.guaranteed() ? 1 : 0,
            b.specialRequests(),
            b.guestStays(),
            b.guestCancellations(),
            (float) b.occupancyAtBooking(),
            b.stay().checkin().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
            b.stay().checkin().getDayOfWeek().getValue(),
            b.bookedOn().getDayOfWeek().getValue(),
            (float) (e.roomType().count(b.roomType()) / trained),
            (float) e.roomType().rate(b.roomType()),
            (float) (e.ratePlan().count(b.ratePlan()) / trained),
            (float) e.ratePlan().rate(b.ratePlan()),
            b.source() == null ? 0 : 1,
            (float) (e.source().count(b.source()) / trained),
            (float) e.source().rate(b.source()),
        };
    }
}
