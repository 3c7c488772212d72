package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V8 keeps every row of the tables it makes again, gives the child rows their parent's property, and the
 * remade tables keep refusing what they refused (a folio line's reference twice, an invoice number twice).
 * A database is migrated to V7, filled with one property's booking, folio, payment and invoice, then
 * migrated to the latest version.
 */
abstract class V8Migration {

    abstract TestDatabase database();

    abstract Vendor vendor();

    @Test
    void v8_keeps_every_row_and_gives_child_rows_their_property() throws SQLException {
        TestDatabase db = database();
        migrate(db, "7");
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("insert into properties (id, code, name, timezone, currency, check_in_time, check_out_time, max_stay_nights,"
                    + " vat_percent, vat_included, city_tax_per_person_night, rounding, business_date, version)"
                    + " values ('p1', 'LIS', 'Lisbon', 'Europe/Lisbon', 'EUR', '15:00', '11:00', 30, 6, true, 1, 'HALF_EVEN', '2026-12-01', 1)");
            s.execute("insert into room_types (property_id, code, name, max_adults, max_children, max_occupancy, base_occupancy,"
                    + " overbooking_limit, version, capacity) values ('p1', 'DBL', 'Double', 2, 1, 3, 2, 0, 1, 1)");
            s.execute("insert into rooms (property_id, number, room_type, floor, housekeeping, version) values ('p1', '101', 'DBL', '1', 'CLEAN', 1)");
            s.execute("insert into rate_plans (property_id, code, name, meal_plan, free_until_days_before, penalty, version)"
                    + " values ('p1', 'FLEX', 'Flexible', 'ROOM_ONLY', 1, 'NONE', 1)");
            s.execute("insert into bookings (id, property_id, confirmation_code, guest_id, room_type, room_number, room_requested,"
                    + " rate_plan, checkin, checkout, adults, children, currency, nightly_prices, total, free_until_days_before,"
                    + " penalty, status, created_by, created_at, updated_at, version) values ('b1', 'p1', 'C1', 'g1', 'DBL', '101',"
                    + " false, 'FLEX', '2026-12-01', '2026-12-03', 2, 0, 'EUR', " + json("[\"100.00\",\"100.00\"]")
                    + ", 200, 1, 'NONE', 'CONFIRMED', 'test', current_timestamp, current_timestamp, 1)");
            s.execute("insert into folios (booking_id, property_id, guest_id, currency, version) values ('b1', 'p1', 'g1', 'EUR', 2)");
            s.execute("insert into folio_lines (booking_id, line_no, id, business_date, kind, description, amount, reference, posted_at)"
                    + " values ('b1', 0, 'l1', '2026-12-01', 'ROOM', 'Room', 100, 'night:2026-12-01', current_timestamp),"
                    + " ('b1', 1, 'l2', '2026-12-01', 'PAYMENT', 'Card', -100, null, current_timestamp)");
            s.execute("insert into payments (id, property_id, booking_id, currency, amount, method, status, gateway_reference,"
                    + " loyalty_points, created_at, version) values ('pay1', 'p1', 'b1', 'EUR', 100, 'CARD', 'CAPTURED', 'gw1', 0,"
                    + " current_timestamp, 1)");
            s.execute("insert into payment_refunds (payment_id, refund_no, id, amount, gateway_reference, created_at)"
                    + " values ('pay1', 0, 'r1', 10, 'gw2', current_timestamp)");
            s.execute("insert into invoices (id, property_id, booking_id, number, kind, credits, issue_date, issued_at, guest_id,"
                    + " currency, total, vat) values ('i1', 'p1', 'b1', '2026-000001', 'INVOICE', null, '2026-12-01', current_timestamp,"
                    + " 'g1', 'EUR', 100, 6), ('i2', 'p1', 'b1', '2026-000002', 'CREDIT_NOTE', 'i1', '2026-12-01', current_timestamp,"
                    + " 'g1', 'EUR', -100, -6)");
            s.execute("insert into invoice_lines (invoice_id, line_no, folio_line_id, line_date, kind, description, amount)"
                    + " values ('i1', 0, 'l1', '2026-12-01', 'ROOM', 'Room', 100), ('i2', 0, 'l1', '2026-12-01', 'ROOM', 'Room', -100)");
        }

        migrate(db, null);

        try (Connection c = connect(db); Statement s = c.createStatement()) {
            assertThat(rows(s, "select property_id || '/' || id || '/' || status || '/' || room_number from bookings"))
                    .containsExactly("p1/b1/CONFIRMED/101");
            assertThat(rows(s, "select property_id || '/' || booking_id || '/' || line_no || '/' || id from folio_lines order by line_no"))
                    .containsExactly("p1/b1/0/l1", "p1/b1/1/l2");
            assertThat(rows(s, "select property_id || '/' || payment_id || '/' || id from payment_refunds")).containsExactly("p1/pay1/r1");
            assertThat(rows(s, "select property_id || '/' || id || '/' || coalesce(credits, '-') from invoices order by id"))
                    .containsExactly("p1/i1/-", "p1/i2/i1");
            assertThat(rows(s, "select property_id || '/' || invoice_id || '/' || folio_line_id from invoice_lines order by invoice_id"))
                    .containsExactly("p1/i1/l1", "p1/i2/l1");
            assertThat(rows(s, "select property_id || '/' || booking_id || '/' || version from folios")).containsExactly("p1/b1/2");
            assertThat(rows(s, "select nightly_prices from bookings").getFirst()).contains("100.00");

            // the remade tables refuse what V4's did
            assertThatThrownBy(() -> s.execute("insert into folio_lines (property_id, booking_id, line_no, id, business_date, kind,"
                    + " description, amount, reference, posted_at) values ('p1', 'b1', 2, 'l3', '2026-12-01', 'ROOM', 'Room', 100,"
                    + " 'night:2026-12-01', current_timestamp)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("insert into invoices (property_id, id, booking_id, number, kind, issue_date, issued_at,"
                    + " guest_id, currency, total, vat) values ('p1', 'i3', 'b1', '2026-000001', 'INVOICE', '2026-12-01',"
                    + " current_timestamp, 'g1', 'EUR', 1, 0)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("insert into payment_refunds (property_id, payment_id, refund_no, id, amount,"
                    + " gateway_reference, created_at) values ('p2', 'pay1', 1, 'r2', 1, 'gw3', current_timestamp)"))
                    .as("a refund of a payment of another property").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("insert into bookings (property_id, id, confirmation_code, guest_id, room_type,"
                    + " room_requested, rate_plan, checkin, checkout, adults, children, currency, nightly_prices, total,"
                    + " free_until_days_before, penalty, status, created_by, created_at, updated_at, version) values ('p1', 'b1',"
                    + " 'C2', 'g1', 'DBL', false, 'FLEX', '2026-12-05', '2026-12-06', 2, 0, 'EUR', " + json("[]") + ", 0, 1, 'NONE',"
                    + " 'CONFIRMED', 'test', current_timestamp, current_timestamp, 1)")).as("the same booking id twice in a property")
                    .isInstanceOf(SQLException.class);
        }
    }

    private String json(String text) {
        return vendor() == Vendor.POSTGRESQL ? "'" + text + "'::jsonb" : "'" + text + "' format json";
    }

    private void migrate(TestDatabase db, String target) {
        var configuration = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations(vendor().migrations()).placeholders(vendor().placeholders());
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet row = s.executeQuery(sql)) {
            while (row.next()) {
                rows.add(row.getString(1));
            }
        }
        return rows;
    }
}
