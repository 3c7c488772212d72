/**
 * A card payment gateway simulated as a small HTTP server on loopback, for drills and for trying the
 * server's HTTP payment adapter. Its one package is its API: start one ({@code GatewaySimulator.start}),
 * set its mode, read its ledger.
 */
module io.hotelkit.gateway.simulator {
    requires jdk.httpserver;

    exports io.hotelkit.gateway.simulator;
}
