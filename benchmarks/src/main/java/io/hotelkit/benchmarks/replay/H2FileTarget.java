package io.hotelkit.benchmarks.replay;

import io.hotelkit.Hotel;
import io.hotelkit.jpa.JpaStore;
import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.shared.DateRange;
import java.nio.file.Path;

/**
 * hotelkit embedded on hotel-persistence-jpa's {@link JpaStore} on an H2 file that is kept after the run: to make
 * a database holding the whole replayed dataset, for the server to start on ({@code benchmarks/load/startup.sh}
 * with {@code HOTEL_DB_URL}) and for its heap to be measured. The file must not exist yet.
 */
final class H2FileTarget implements Target {

    private final JpaStore store;
    private final InMemoryTarget hotel;

    /** @param file the database, without H2's {@code .mv.db} */
    H2FileTarget(Path file) {
        store = JpaStore.builder().url("jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=FALSE").user("sa")
                .maximumPoolSize(JpaTarget.CONNECTIONS).open();
        hotel = new InMemoryTarget("jpa-h2-file", clock -> Hotel.builder().storage(store).clock(clock).build());
    }

    @Override
    public String name() {
        return hotel.name();
    }

    @Override
    public void open(HotelPlan plan) {
        hotel.open(plan);
    }

    @Override
    public boolean concurrentCalls() {
        return true;
    }

    @Override
    public Outcome book(RecordedBooking booking) {
        return hotel.book(booking);
    }

    @Override
    public void cancel(RecordedBooking booking, String reference) {
        hotel.cancel(booking, reference);
    }

    @Override
    public OccupancyReport occupancy(String hotelName, DateRange nights) {
        return hotel.occupancy(hotelName, nights);
    }

    @Override
    public void close() {
        store.close();
    }
}
