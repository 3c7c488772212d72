package io.hotelkit.benchmarks.replay;

import io.hotelkit.shared.Occupancy;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the hotel booking demand data set straight from its zip: Antonio, Almeida and Nunes, "Hotel
 * booking demand datasets", Data in Brief 22 (2019) 41-49, doi:10.1016/j.dib.2018.11.126, CC BY 4.0.
 * 119,390 bookings of a resort hotel and a city hotel in Portugal, arriving from July 2015 to August 2017.
 *
 * <p>The data's quirks, and the rules applied:
 * <ul>
 *   <li>0-night stays (no weekend and no week nights, 715 rows) are day use, not a stay: skipped, counted.
 *   <li>0 adults (403 rows: children alone, or a data error): booked as one adult with the children.
 *   <li>children "NA" (4 rows): no children.
 *   <li>babies sleep in a cot, so they are not guests of the room: left out of the occupancy.
 *   <li>cancelled and no-show bookings are cancelled on their reservation status date, or on the day they
 *       were made if that date is earlier.
 * </ul>
 */
public final class BookingCsv {

    public static final String CREDIT = "Hotel booking demand data: Antonio, Almeida and Nunes, Data in Brief 22 (2019) 41-49, "
            + "doi:10.1016/j.dib.2018.11.126, CC BY 4.0";
    private static final String ENTRY = "hotel_bookings.csv";

    /** The bookings read, and how many rows were skipped or changed by each rule. */
    public record Read(List<RecordedBooking> bookings, Map<String, Integer> rules) {}

    private BookingCsv() {}

    /** The first {@code limit} rows of the data set's zip at {@code zip}. */
    public static Read read(Path zip, int limit) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(ENTRY);
            if (entry == null) {
                throw new IOException(zip + " has no " + ENTRY);
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                Map<String, Integer> columns = columns(in.readLine());
                List<RecordedBooking> bookings = new ArrayList<>();
                Map<String, Integer> rules = new HashMap<>();
                String line;
                int row = 0;
                while (row < limit && (line = in.readLine()) != null) {
                    row++;
                    RecordedBooking booking = parse(row, line.split(",", -1), columns, rules);
                    if (booking != null) {
                        bookings.add(booking);
                    }
                }
                return new Read(bookings, rules);
            }
        }
    }

    private static Map<String, Integer> columns(String header) throws IOException {
        if (header == null) {
            throw new IOException("the data set is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split(",");
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip(), i);
        }
        return columns;
    }

    private static RecordedBooking parse(int row, String[] cells, Map<String, Integer> columns, Map<String, Integer> rules) {
        LocalDate arrival = LocalDate.of(integer(cells, columns, "arrival_date_year"),
                Month.valueOf(text(cells, columns, "arrival_date_month").toUpperCase(Locale.ROOT)),
                integer(cells, columns, "arrival_date_day_of_month"));
        int nights = integer(cells, columns, "stays_in_weekend_nights") + integer(cells, columns, "stays_in_week_nights");
        if (nights == 0) {
            rules.merge("skipped: 0-night stay (day use)", 1, Integer::sum);
            return null;
        }
        int adults = integer(cells, columns, "adults");
        String childrenText = text(cells, columns, "children");
        int children = childrenText.equals("NA") ? 0 : Integer.parseInt(childrenText);
        if (childrenText.equals("NA")) {
            rules.merge("changed: children NA read as 0", 1, Integer::sum);
        }
        if (adults == 0) {
            adults = 1;
            rules.merge("changed: 0 adults booked as 1 adult", 1, Integer::sum);
        }
        if (integer(cells, columns, "babies") > 0) {
            rules.merge("noted: babies left out of the occupancy (cots)", 1, Integer::sum);
        }
        LocalDate booked = arrival.minusDays(integer(cells, columns, "lead_time"));
        LocalDate cancelled = null;
        if (integer(cells, columns, "is_canceled") == 1) {
            LocalDate status = LocalDate.parse(text(cells, columns, "reservation_status_date"));
            cancelled = status.isBefore(booked) ? booked : status;
            if (status.isBefore(booked)) {
                rules.merge("changed: cancelled before it was made, cancelled on the day it was made", 1, Integer::sum);
            }
        }
        return new RecordedBooking(row, text(cells, columns, "hotel"), text(cells, columns, "reserved_room_type"),
                Stay.of(arrival, arrival.plusDays(nights)), Occupancy.of(adults, children), booked, cancelled,
                Double.parseDouble(text(cells, columns, "adr")), text(cells, columns, "country"));
    }

    private static String text(String[] cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("the data set has no column " + column);
        }
        return cells[index].strip();
    }

    private static int integer(String[] cells, Map<String, Integer> columns, String column) {
        return Integer.parseInt(text(cells, columns, column));
    }
}
