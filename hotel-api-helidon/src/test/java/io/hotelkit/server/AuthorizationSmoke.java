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
}
