/**
 * hotelkit's core: the hotel domain, its services and ports, and in-memory adapters of every port.
 *
 * <p>Every exported package is API. {@code io.hotelkit.spi} holds what storage adapters need of the engine
 * and the unit of work (claims, block holds, inventory deltas, pending changes) and is exported to the
 * adapter modules only, by name. {@code io.hotelkit.internal} is not exported: implementation parts that
 * several packages share. The public API of each exported package is listed in {@code api/hotel-core.api}
 * and checked by the build (docs/DESIGN.md, "The public API").
 */
module io.hotelkit {
    requires static transitive org.jspecify;

    exports io.hotelkit;
    exports io.hotelkit.access;
    exports io.hotelkit.availability;
    exports io.hotelkit.billing;
    exports io.hotelkit.guests;
    exports io.hotelkit.inventory;
    exports io.hotelkit.memory;
    exports io.hotelkit.operations;
    exports io.hotelkit.privacy;
    exports io.hotelkit.rates;
    exports io.hotelkit.reporting;
    exports io.hotelkit.reservations;
    exports io.hotelkit.shared;
    exports io.hotelkit.wire;

    exports io.hotelkit.spi to io.hotelkit.jpa;
}
