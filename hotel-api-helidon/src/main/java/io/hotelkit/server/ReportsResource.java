package io.hotelkit.server;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.reporting.FinanceReport;
import io.hotelkit.reporting.FinanceReports;
import io.hotelkit.reporting.Journal;
import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.reporting.Reports;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/reports}: occupancy, ADR and RevPAR night by night (nights ahead are on the
 * books), who arrives, leaves and is in the house on a date; and the books of a business date: the finance report
 * and the double-entry journal (JSON or CSV).
 */
final class ReportsResource implements HttpService {

    private final Reports reports;
    private final FinanceReports books;
    private final InventoryService inventory;

    ReportsResource(Reports reports, FinanceReports books, InventoryService inventory) {
        this.reports = reports;
        this.books = books;
        this.inventory = inventory;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.OCCUPANCY_REPORT, this::occupancy)
                .handle(Route.ARRIVALS_REPORT, req -> bookingsOn(req, reports::arrivals))
                .handle(Route.DEPARTURES_REPORT, req -> bookingsOn(req, reports::departures))
                .handle(Route.IN_HOUSE_REPORT, req -> bookingsOn(req, reports::inHouse))
                .handle(Route.FINANCE_REPORT, this::finance)
                .handle(Route.JOURNAL_REPORT, this::journal));
    }

    static final MediaType CSV = MediaTypes.create("text", "csv");

    /** The finance report of {@code ?date=}, the business date when it is left out. */
    private Reply finance(ServerRequest req) {
        PropertyId property = Params.property(req);
        return Reply.ok(FinanceView.of(books.report(property, dateOrBusinessDate(req, property))));
    }

    /**
     * The journal of {@code ?date=}: JSON, or CSV with {@code ?format=csv} or an {@code Accept} that prefers
     * {@code text/csv} ({@code ?format=} decides when both are given).
     */
    private Reply journal(ServerRequest req) {
        PropertyId property = Params.property(req);
        Optional<String> format = Params.query(req, "format");
        if (format.isPresent() && !format.get().equals("json") && !format.get().equals("csv")) {
            throw new InvalidRequestException("format", "must be one of json, csv");
        }
        Journal journal = books.journal(property, dateOrBusinessDate(req, property));
        boolean csv = format.map("csv"::equals).orElseGet(() -> req.headers()
                .bestAccepted(MediaTypes.APPLICATION_JSON, CSV).orElse(MediaTypes.APPLICATION_JSON).equals(CSV));
        if (csv) {
            return Reply.ok(new Reply.Document(journal.csv().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8"))
                    .withHeader("Content-Disposition", "attachment; filename=\"journal-" + journal.date() + ".csv\"");
        }
        return Reply.ok(journal);
    }

    private LocalDate dateOrBusinessDate(ServerRequest req, PropertyId property) {
        return Params.optionalDate(req, "date").orElseGet(() -> inventory.property(property).businessDate());
    }

    /** {@link FinanceReport} with ids as strings. */
    record FinanceView(LocalDate date, String currency, List<FinanceReport.RevenueRow> revenue, Money cityTax,
            List<FinanceReport.PaymentRow> payments, Money depositsHeld, Ledger guestLedger, CityLedger cityLedger,
            FinanceReport.TrialBalance trialBalance) {

        static FinanceView of(FinanceReport report) {
            return new FinanceView(report.date(), report.currency().getCurrencyCode(), report.revenue(), report.cityTax(),
                    report.payments(), report.depositsHeld(), new Ledger(report.guestLedger().stream()
                            .map(row -> new LedgerRow(row.bookingId().value(), row.guestId().value(), row.roomNumber(),
                                    row.arrival(), row.departure(), row.status().code(), row.inHouse(), row.balance()))
                            .toList(), report.guestLedgerTotal()),
                    new CityLedger(report.cityLedger(), report.cityLedgerTotal()), report.trialBalance());
        }
    }

    /** The guest ledger: its folios and their total, the trial balance's closing. */
    record Ledger(List<LedgerRow> folios, Money total) {}

    record LedgerRow(String bookingId, String guestId, @Nullable String roomNumber, LocalDate arrival, LocalDate departure,
            String status, boolean inHouse, Money balance) {}

    record CityLedger(List<FinanceReport.CityLedgerRow> accounts, Money total) {}

    record Occupancy(LocalDate from, LocalDate to, List<Night> nights, Totals totals) {

        static Occupancy of(OccupancyReport report) {
            return new Occupancy(report.nights().start(), report.nights().end(), report.perNight().stream()
                    .map(n -> new Night(n.date(), n.roomsTotal(), n.roomsOutOfOrder(), n.roomsSold(), n.occupancy(), n.adr(),
                            n.revpar(), n.roomRevenue(), n.overbooking())).toList(),
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
     * @param overbooking how many bookings past their rooms the room types may take that night (each type's
     *     own allowance for the night where one is set, else its limit)
     */
    record Night(LocalDate date, int roomsTotal, int roomsOutOfOrder, int roomsSold, BigDecimal occupancy, Money adr,
                 Money revpar, Money roomRevenue, int overbooking) {}

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
