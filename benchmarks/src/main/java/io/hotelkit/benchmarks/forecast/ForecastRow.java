package io.hotelkit.benchmarks.forecast;

import io.hotelkit.forecast.BookingSnapshot;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.shared.Stay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * One booking of the hotel booking demand data (Antonio, Almeida and Nunes, Data in Brief 22 (2019) 41-49,
 * CC BY 4.0) with what the forecast reads: the columns known when the booking was made, and its outcome.
 * Columns the data fills in later are not read: assigned room type, booking changes, reservation status
 * (except as the outcome), days in waiting list, parking spaces, and country (filled in at check-in for
 * many guests, a known leak of this data).
 *
 * <p>How the data's columns become a {@link BookingSnapshot}: room type as reserved; rate plan = market
 * segment / customer type / meal (what was sold); source = distribution channel / agent or company;
 * cancellation policy from the deposit type (Non Refund: the full stay from the day it is made; No
 * Deposit and Refundable: free); guaranteed = any deposit; price per night = ADR.
 *
 * @param cancelledOn the date it stopped holding rooms: the status date of a cancellation (never before it
 *     was made), the arrival of a no-show; null if the guest came
 */
record ForecastRow(int row, String hotel, LocalDate booked, Stay stay, int adults, int children, double adr, String roomType,
        String ratePlan, CancellationPolicy policy, boolean guaranteed, int requests, int guestStays, int guestCancellations,
        String source, boolean noShow, @Nullable LocalDate cancelledOn) {

    boolean cancelled() {
        return cancelledOn != null;
    }

    BookingSnapshot snapshot(double occupancyAtBooking) {
        return new BookingSnapshot(roomType, ratePlan, booked, stay, adults, children, Math.max(0, adr), policy, guaranteed,
                requests, guestStays, guestCancellations, occupancyAtBooking, source);
    }

    static List<ForecastRow> read(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile());
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        file.getInputStream(file.getEntry("hotel_bookings.csv")), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.put(header[i].strip(), i);
            }
            List<ForecastRow> rows = new ArrayList<>();
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                row++;
                String[] c = line.split(",", -1);
                int nights = i(c, col, "stays_in_weekend_nights") + i(c, col, "stays_in_week_nights");
                if (nights == 0) {
                    continue; // day use, as the replay skips it
                }
                LocalDate arrival = LocalDate.of(i(c, col, "arrival_date_year"),
                        Month.valueOf(s(c, col, "arrival_date_month").toUpperCase(Locale.ROOT)), i(c, col, "arrival_date_day_of_month"));
                LocalDate booked = arrival.minusDays(i(c, col, "lead_time"));
                String children = s(c, col, "children");
                String deposit = s(c, col, "deposit_type");
                CancellationPolicy policy = deposit.equals("Non Refund")
                        ? new CancellationPolicy(0, CancellationPolicy.Penalty.FULL_STAY, null)
                        : CancellationPolicy.freeCancellation();
                String agent = s(c, col, "agent");
                String company = s(c, col, "company");
                String via = !agent.equals("NULL") ? "agent " + agent : !company.equals("NULL") ? "company " + company : "none";
                String status = s(c, col, "reservation_status");
                LocalDate cancelledOn = null;
                if (i(c, col, "is_canceled") == 1) {
                    LocalDate date = status.equals("No-Show") ? arrival : LocalDate.parse(s(c, col, "reservation_status_date"));
                    cancelledOn = date.isBefore(booked) ? booked : date.isAfter(arrival) ? arrival : date;
                }
                rows.add(new ForecastRow(row, s(c, col, "hotel"), booked, Stay.of(arrival, arrival.plusDays(nights)),
                        Math.max(1, i(c, col, "adults")), children.equals("NA") ? 0 : Integer.parseInt(children),
                        Double.parseDouble(s(c, col, "adr")), s(c, col, "reserved_room_type"),
                        s(c, col, "market_segment") + "/" + s(c, col, "customer_type") + "/" + s(c, col, "meal"), policy,
                        !deposit.equals("No Deposit"), i(c, col, "total_of_special_requests"),
                        i(c, col, "previous_bookings_not_canceled"), i(c, col, "previous_cancellations"),
                        s(c, col, "distribution_channel") + "/" + via, status.equals("No-Show"), cancelledOn));
            }
            return rows;
        }
    }

    private static String s(String[] cells, Map<String, Integer> col, String name) {
        return cells[col.get(name)].strip();
    }

    private static int i(String[] cells, Map<String, Integer> col, String name) {
        return Integer.parseInt(s(cells, col, name));
    }
}
