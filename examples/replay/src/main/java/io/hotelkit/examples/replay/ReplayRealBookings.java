package io.hotelkit.examples.replay;

import io.hotelkit.benchmarks.replay.InMemoryTarget;
import io.hotelkit.benchmarks.replay.Replay;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Replays the real bookings of two Portuguese hotels (Antonio, Almeida and Nunes, "Hotel booking demand
 * datasets", Data in Brief 22 (2019) 41-49, doi:10.1016/j.dib.2018.11.126, CC BY 4.0) into hotel-core in
 * memory, and prints occupancy, ADR and RevPAR per month and draws an occupancy heat map per hotel.
 *
 * <p>Arguments: the data set's zip (default {@code ../shared/data/hotel_bookings.csv.zip} from the
 * repository root), how many rows (default all), and the folder for the heat maps (default
 * {@code target/replay}).
 */
public final class ReplayRealBookings {

    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Path.of(args[0]) : Replay.DEFAULT_DATA;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Path output = args.length > 2 ? Path.of(args[2]) : Path.of("target", "replay");
        Replay.replay(data, rows, output, InMemoryTarget::new, 2, System.out);
    }
}
