package io.hotelkit.forecast;

import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded bookings with a known cause of cancellation: long leads without a deposit cancel more, guests
 * with special requests or earlier stays less, and one source cancels a lot.
 */
final class Slices {

    private Slices() {}

    static List<LabelledBooking> bookings(long seed, int count) {
        Random random = new Random(seed);
        List<LabelledBooking> out = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < count; i++) {
            LocalDate booked = start.plusDays(random.nextInt(300));
            int lead = random.nextInt(200);
            int nights = 1 + random.nextInt(6);
            boolean deposit = random.nextInt(5) == 0;
            int requests = random.nextInt(3);
            int stays = random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0;
            String source = "channel-" + random.nextInt(4);
            String type = random.nextBoolean() ? "DBL" : "TWN";
            double risk = 0.1 + (deposit ? 0 : lead / 400.0) - 0.08 * requests - 0.1 * stays + (source.equals("channel-3") ? 0.25 : 0);
            boolean cancelled = random.nextDouble() < Math.max(0.02, Math.min(0.95, risk));
            LocalDate arrival = booked.plusDays(lead);
            CancellationPolicy policy = deposit ? new CancellationPolicy(0, CancellationPolicy.Penalty.FULL_STAY, null)
                    : CancellationPolicy.freeCancellation();
            out.add(new LabelledBooking(new BookingSnapshot(type, "BAR", booked, Stay.of(arrival, arrival.plusDays(nights)), 2,
                    random.nextInt(2), 80 + random.nextInt(60), policy, deposit, requests, stays, 0, random.nextDouble(), source),
                    cancelled));
        }
        return out;
    }
}
