package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.reporting.Reports;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code /v1/properties/{propertyId}/reports}: occupancy, ADR and RevPAR night by night (nights ahead are on the
 * books), and who arrives, leaves and is in the house on a date.
 */
final class ReportsResource implements HttpService {

    private final Reports reports;
    private final InventoryService inventory;

    ReportsResource(Reports reports, InventoryService inventory) {
        this.reports = reports;
        this.inventory = inventory;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.OCCUPANCY_REPORT, this::occupancy)
                .handle(Route.ARRIVALS_REPORT, req -> bookingsOn(req, reports::arrivals))
                .handle(Route.DEPARTURES_REPORT, req -> bookingsOn(req, reports::departures))
                .handle(Route.IN_HOUSE_REPORT, req -> bookingsOn(req, reports::inHouse)));
    }

    record Occupancy(LocalDate from, LocalDate to, List<Night> nights, Totals totals) {

        static Occupancy of(OccupancyReport report) {
            return new Occupancy(report.nights().start(), report.nights().end(), report.perNight().stream()
                    .map(n -> new Night(n.date(), n.roomsTotal(), n.roomsOutOfOrder(), n.roomsSold(), n.occupancy(), n.adr(),
                            n.revpar(), n.roomRevenue())).toList(),
                    new Totals(report.totals().roomsTotal(), report.totals().roomsOutOfOrder(), report.totals().roomsSold(),
                            report.totals().occupancy(), report.totals().adr(), report.totals().revpar(),
                            report.totals().roomRevenue()));
        }
    }

    /**
     * One night.
     *
     * @param occupancy rooms sold over rooms available (all less out of order), to four decimals; above 1
     *     when overbooked
     * @param adr room revenue per room sold; {@code revpar} per room available; revenue is net of VAT
     */
    record Night(LocalDate date, int roomsTotal, int roomsOutOfOrder, int roomsSold, BigDecimal occupancy, Money adr,
                 Money revpar, Money roomRevenue) {}

    /** The range as a whole, in room-nights. */
    record Totals(long roomsTotal, long roomsOutOfOrder, long roomsSold, BigDecimal occupancy, Money adr, Money revpar,
                  Money roomRevenue) {}

    /** The bookings of a front-office list, by room number. */
    record BookingsOn(LocalDate date, List<Views.BookingView> bookings) {}

    private Reply occupancy(ServerRequest req) {
        LocalDate from = Params.date(req, "from");
        return Reply.ok(Occupancy.of(reports.occupancy(Params.property(req),
                Params.range(from, Params.date(req, "to"), "to"))));
    }

    /** The list for {@code ?date=}, the business date when it is left out. */
    private Reply bookingsOn(ServerRequest req, BiFunction<PropertyId, LocalDate, List<Booking>> report) {
        PropertyId property = Params.property(req);
        LocalDate date = Params.optionalDate(req, "date").orElseGet(() -> inventory.property(property).businessDate());
        return Reply.ok(new BookingsOn(date, report.apply(property, date).stream().map(Views.BookingView::of).toList()));
    }
}
