package io.hotelkit.server;

import io.hotelkit.server.AuthorizationMatrixTest.Row;
import io.hotelkit.server.AuthorizationMatrixTest.Who;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The smoke path of the {@link AuthorizationMatrixTest authorization matrix} on a database, over real
 * sockets: a read of each resource by every caller, so that keys, scopes and a channel's own bookings are
 * decided alike whatever keeps them. A subclass names the storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthorizationSmoke {

    private LiveServer server;
    private AuthorizationMatrixTest.Cells cells;

    /** A fixture on the storage under test. */
    abstract Fixture fixture();

    @BeforeAll
    void start() {
        server = LiveServer.start(fixture());
        cells = new AuthorizationMatrixTest.Cells(server.api(), server.fixture());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static final Set<Route> SMOKE = EnumSet.of(Route.LIST_API_KEYS, Route.LIST_PROPERTIES, Route.GET_PROPERTY,
            Route.LIST_ROOMS, Route.SEARCH_AVAILABILITY, Route.LIST_BOOKINGS, Route.GET_BOOKING, Route.GET_GUEST,
            Route.GET_FOLIO, Route.GET_INVOICE, Route.OCCUPANCY_REPORT, Route.AUDIT_TRAIL);

    static Stream<Arguments> reads() {
        return AuthorizationMatrixTest.TABLE.stream().filter(row -> SMOKE.contains(row.route()))
                .flatMap(row -> Arrays.stream(Who.values()).map(who -> Arguments.of(row.route(), who, row)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("reads")
    void each_caller_gets_what_the_contract_promises(Route route, Who who, Row row) {
        cells.check(row, who);
    }

    static Stream<Arguments> guestCells() {
        return AuthorizationMatrixTest.guestCells();
    }

    static Stream<Arguments> guestIdCells() {
        return AuthorizationMatrixTest.guestIdCells();
    }

    @ParameterizedTest(name = "{0} by {1} scoped elsewhere, guest booked there: {2}")
    @MethodSource("guestCells")
    void a_guest_known_only_at_another_property_is_out_of_reach(Route route, Who who, boolean booked) {
        cells.checkGuestOutOfReach(route, who, booked);
    }

    @ParameterizedTest(name = "booking by {0} with the guest_id of a guest known elsewhere, booked there: {1}")
    @MethodSource("guestIdCells")
    void a_booking_cannot_name_a_guest_known_only_at_another_property(Who who, boolean booked) {
        cells.checkBookingWithGuestIdOutOfReach(who, booked);
    }
}
