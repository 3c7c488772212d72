package io.hotelkit.server;

import static io.hotelkit.access.Role.ADMIN;
import static io.hotelkit.access.Role.AUDITOR;
import static io.hotelkit.access.Role.CHANNEL;
import static io.hotelkit.access.Role.FRONT_DESK;
import static io.hotelkit.access.Role.HOUSEKEEPING;
import static io.hotelkit.access.Role.MANAGER;

import io.helidon.http.Method;
import io.hotelkit.access.Role;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every {@code /v1} route and the roles that may call it: the server's authorization table, in one place.
 * Admin may call every route. A resource service binds its routes to handlers with
 * {@link Routes#handle}; the name of a route, in lower camel case, is its {@code operationId} in the
 * OpenAPI document, whose {@code x-roles} repeat the roles below.
 *
 * <p>Where API.md names no role for a read, the staff who work with the thing may read it: front desk
 * reads the set-up it sells and assigns (room types, rooms, rate plans, prices, blocks), housekeeping
 * reads the rooms it cleans, and every role reads the properties in its scope (their currency, timezone
 * and business date). Auditors read everything and change nothing. A channel sees only the bookings it
 * made; another's is 404 to it.
 */
enum Route {

    // A trivial authenticated answer: what a request costs before any work, for load tests and probes.
    PING(Method.GET, "/ping", Role.values()),

    // The calling key itself, for a client to learn its role and scope (the console hides what the role may not do).
    CURRENT_API_KEY(Method.GET, "/api-key", Role.values()),

    // API keys: admin only.
    LIST_API_KEYS(Method.GET, "/api-keys", ADMIN),
    CREATE_API_KEY(Method.POST, "/api-keys", ADMIN),
    REVOKE_API_KEY(Method.DELETE, "/api-keys/{id}", ADMIN),

    // Properties: admin opens them; every role reads those in its scope.
    CREATE_PROPERTY(Method.POST, "/properties", ADMIN),
    LIST_PROPERTIES(Method.GET, "/properties", Role.values()),
    GET_PROPERTY(Method.GET, "/properties/{p}", Role.values()),

    // Set-up: managers.
    CREATE_ROOM_TYPE(Method.POST, "/properties/{p}/room-types", MANAGER),
    LIST_ROOM_TYPES(Method.GET, "/properties/{p}/room-types", MANAGER, FRONT_DESK, AUDITOR),
    GET_ROOM_TYPE(Method.GET, "/properties/{p}/room-types/{code}", MANAGER, FRONT_DESK, AUDITOR),
    CREATE_ROOM(Method.POST, "/properties/{p}/rooms", MANAGER),
    LIST_ROOMS(Method.GET, "/properties/{p}/rooms", MANAGER, FRONT_DESK, HOUSEKEEPING, AUDITOR),
    GET_ROOM(Method.GET, "/properties/{p}/rooms/{number}", MANAGER, FRONT_DESK, HOUSEKEEPING, AUDITOR),
    UPDATE_ROOM(Method.PATCH, "/properties/{p}/rooms/{number}", MANAGER, HOUSEKEEPING),
    TAKE_ROOM_OUT_OF_ORDER(Method.POST, "/properties/{p}/rooms/{number}/out-of-order", MANAGER),
    END_ROOM_OUT_OF_ORDER(Method.DELETE, "/properties/{p}/rooms/{number}/out-of-order", MANAGER),
    CREATE_RATE_PLAN(Method.POST, "/properties/{p}/rate-plans", MANAGER),
    LIST_RATE_PLANS(Method.GET, "/properties/{p}/rate-plans", MANAGER, FRONT_DESK, AUDITOR),
    GET_RATE_PLAN(Method.GET, "/properties/{p}/rate-plans/{code}", MANAGER, FRONT_DESK, AUDITOR),
    SET_PRICES(Method.PUT, "/properties/{p}/rate-plans/{code}/prices", MANAGER),
    GET_PRICES(Method.GET, "/properties/{p}/rate-plans/{code}/prices", MANAGER, FRONT_DESK, AUDITOR),
    CREATE_BLOCK(Method.POST, "/properties/{p}/blocks", MANAGER),
    LIST_BLOCKS(Method.GET, "/properties/{p}/blocks", MANAGER, FRONT_DESK, AUDITOR),
    GET_BLOCK(Method.GET, "/properties/{p}/blocks/{code}", MANAGER, FRONT_DESK, AUDITOR),
    CANCEL_BLOCK(Method.POST, "/properties/{p}/blocks/{code}/cancel", MANAGER),

    // Availability: channels, front desk, managers.
    SEARCH_AVAILABILITY(Method.GET, "/properties/{p}/availability", CHANNEL, FRONT_DESK, MANAGER, AUDITOR),

    // Bookings: front desk; channels create, read and cancel their own; managers read them and move them
    // between rooms (the tape chart).
    CREATE_BOOKING(Method.POST, "/properties/{p}/bookings", FRONT_DESK, CHANNEL),
    LIST_BOOKINGS(Method.GET, "/properties/{p}/bookings", FRONT_DESK, CHANNEL, MANAGER, AUDITOR),
    GET_BOOKING(Method.GET, "/properties/{p}/bookings/{id}", FRONT_DESK, CHANNEL, MANAGER, AUDITOR),
    MODIFY_BOOKING(Method.PATCH, "/properties/{p}/bookings/{id}", FRONT_DESK),
    ASSIGN_ROOM(Method.POST, "/properties/{p}/bookings/{id}/assign-room", FRONT_DESK, MANAGER),
    CANCEL_BOOKING(Method.POST, "/properties/{p}/bookings/{id}/cancel", FRONT_DESK, CHANNEL),
    CHECK_IN(Method.POST, "/properties/{p}/bookings/{id}/check-in", FRONT_DESK),
    CHECK_OUT(Method.POST, "/properties/{p}/bookings/{id}/check-out", FRONT_DESK),
    MARK_NO_SHOW(Method.POST, "/properties/{p}/bookings/{id}/no-show", FRONT_DESK),

    // Guests: front desk; managers read.
    REGISTER_GUEST(Method.POST, "/guests", FRONT_DESK),
    SEARCH_GUESTS(Method.GET, "/guests", FRONT_DESK, MANAGER, AUDITOR),
    GET_GUEST(Method.GET, "/guests/{id}", FRONT_DESK, MANAGER, AUDITOR),
    UPDATE_GUEST(Method.PATCH, "/guests/{id}", FRONT_DESK),
    ERASE_GUEST(Method.DELETE, "/guests/{id}", FRONT_DESK),
    EXPORT_GUEST(Method.GET, "/guests/{id}/export", FRONT_DESK, MANAGER, AUDITOR),
    GET_LOYALTY(Method.GET, "/guests/{id}/loyalty", FRONT_DESK, MANAGER, AUDITOR),

    // Billing and payments: front desk; auditors read.
    GET_FOLIO(Method.GET, "/properties/{p}/bookings/{id}/folio", FRONT_DESK, AUDITOR),
    POST_CHARGE(Method.POST, "/properties/{p}/bookings/{id}/charges", FRONT_DESK),
    ISSUE_INVOICE(Method.POST, "/properties/{p}/bookings/{id}/invoices", FRONT_DESK),
    CREATE_PAYMENT(Method.POST, "/properties/{p}/payments", FRONT_DESK),
    GET_PAYMENT(Method.GET, "/properties/{p}/payments/{id}", FRONT_DESK, AUDITOR),
    REFUND_PAYMENT(Method.POST, "/properties/{p}/payments/{id}/refunds", FRONT_DESK),
    LIST_INVOICES(Method.GET, "/properties/{p}/invoices", FRONT_DESK, AUDITOR),
    GET_INVOICE(Method.GET, "/properties/{p}/invoices/{id}", FRONT_DESK, AUDITOR),
    ISSUE_CREDIT_NOTE(Method.POST, "/properties/{p}/invoices/{id}/credit-notes", FRONT_DESK),

    // Operations: managers; auditors read; housekeeping reads the arrivals, to have their rooms ready.
    GET_BUSINESS_DATE(Method.GET, "/properties/{p}/business-date", MANAGER, AUDITOR),
    RUN_NIGHT_AUDIT(Method.POST, "/properties/{p}/night-audit", MANAGER),
    OCCUPANCY_REPORT(Method.GET, "/properties/{p}/reports/occupancy", MANAGER, AUDITOR),
    ARRIVALS_REPORT(Method.GET, "/properties/{p}/reports/arrivals", MANAGER, HOUSEKEEPING, AUDITOR),
    DEPARTURES_REPORT(Method.GET, "/properties/{p}/reports/departures", MANAGER, AUDITOR),
    IN_HOUSE_REPORT(Method.GET, "/properties/{p}/reports/in-house", MANAGER, AUDITOR),
    EVENTS(Method.GET, "/properties/{p}/events", MANAGER, AUDITOR),
    // The front desk reads a booking's history on its page.
    AUDIT_TRAIL(Method.GET, "/properties/{p}/audit", MANAGER, FRONT_DESK, AUDITOR);

    private final Method method;
    private final String path;
    private final Roles roles;

    Route(Method method, String path, Role... roles) {
        this.method = method;
        this.path = path;
        this.roles = Roles.allow(roles[0], Arrays.copyOfRange(roles, 1, roles.length));
    }

    Method method() {
        return method;
    }

    /** The path template under {@code /v1}: {@code /properties/{p}/rooms/{number}}. */
    String path() {
        return path;
    }

    Roles roles() {
        return roles;
    }

    /** The OpenAPI {@code operationId}: {@code LIST_API_KEYS} is {@code listApiKeys}. */
    String operationId() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }
}
