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
    REVOKE_API_KEY(Method.DELETE, "/api-keys/{keyId}", ADMIN),

    // Properties: admin opens them; every role reads those in its scope.
    CREATE_PROPERTY(Method.POST, "/properties", ADMIN),
    LIST_PROPERTIES(Method.GET, "/properties", Role.values()),
    GET_PROPERTY(Method.GET, "/properties/{propertyId}", Role.values()),

    // Set-up: managers.
    CREATE_ROOM_TYPE(Method.POST, "/properties/{propertyId}/room-types", MANAGER),
    LIST_ROOM_TYPES(Method.GET, "/properties/{propertyId}/room-types", MANAGER, FRONT_DESK, AUDITOR),
    GET_ROOM_TYPE(Method.GET, "/properties/{propertyId}/room-types/{roomTypeCode}", MANAGER, FRONT_DESK, AUDITOR),
    CREATE_ROOM(Method.POST, "/properties/{propertyId}/rooms", MANAGER),
    LIST_ROOMS(Method.GET, "/properties/{propertyId}/rooms", MANAGER, FRONT_DESK, HOUSEKEEPING, AUDITOR),
    GET_ROOM(Method.GET, "/properties/{propertyId}/rooms/{roomNumber}", MANAGER, FRONT_DESK, HOUSEKEEPING, AUDITOR),
    UPDATE_ROOM(Method.PATCH, "/properties/{propertyId}/rooms/{roomNumber}", MANAGER, HOUSEKEEPING),
    TAKE_ROOM_OUT_OF_ORDER(Method.POST, "/properties/{propertyId}/rooms/{roomNumber}/out-of-order", MANAGER),
    END_ROOM_OUT_OF_ORDER(Method.DELETE, "/properties/{propertyId}/rooms/{roomNumber}/out-of-order", MANAGER),
    CREATE_RATE_PLAN(Method.POST, "/properties/{propertyId}/rate-plans", MANAGER),
    LIST_RATE_PLANS(Method.GET, "/properties/{propertyId}/rate-plans", MANAGER, FRONT_DESK, AUDITOR),
    GET_RATE_PLAN(Method.GET, "/properties/{propertyId}/rate-plans/{ratePlanCode}", MANAGER, FRONT_DESK, AUDITOR),
    SET_PRICES(Method.PUT, "/properties/{propertyId}/rate-plans/{ratePlanCode}/prices", MANAGER),
    GET_PRICES(Method.GET, "/properties/{propertyId}/rate-plans/{ratePlanCode}/prices", MANAGER, FRONT_DESK, AUDITOR),
    CREATE_BLOCK(Method.POST, "/properties/{propertyId}/blocks", MANAGER),
    LIST_BLOCKS(Method.GET, "/properties/{propertyId}/blocks", MANAGER, FRONT_DESK, AUDITOR),
    GET_BLOCK(Method.GET, "/properties/{propertyId}/blocks/{blockCode}", MANAGER, FRONT_DESK, AUDITOR),
    CANCEL_BLOCK(Method.POST, "/properties/{propertyId}/blocks/{blockCode}/cancel", MANAGER),

    // Availability: channels, front desk, managers.
    SEARCH_AVAILABILITY(Method.GET, "/properties/{propertyId}/availability", CHANNEL, FRONT_DESK, MANAGER, AUDITOR),
    // The ARI feed (availability, rates and inventory per night) that channel managers load and follow.
    GET_ARI(Method.GET, "/properties/{propertyId}/ari", CHANNEL, MANAGER),

    // Bookings: front desk; channels create, read and cancel their own; managers read them and move them
    // between rooms (the tape chart).
    CREATE_BOOKING(Method.POST, "/properties/{propertyId}/bookings", FRONT_DESK, CHANNEL),
    LIST_BOOKINGS(Method.GET, "/properties/{propertyId}/bookings", FRONT_DESK, CHANNEL, MANAGER, AUDITOR),
    GET_BOOKING(Method.GET, "/properties/{propertyId}/bookings/{bookingId}", FRONT_DESK, CHANNEL, MANAGER, AUDITOR),
    MODIFY_BOOKING(Method.PATCH, "/properties/{propertyId}/bookings/{bookingId}", FRONT_DESK),
    ASSIGN_ROOM(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/assign-room", FRONT_DESK, MANAGER),
    CANCEL_BOOKING(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/cancel", FRONT_DESK, CHANNEL),
    CHECK_IN(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/check-in", FRONT_DESK),
    CHECK_OUT(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/check-out", FRONT_DESK),
    MARK_NO_SHOW(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/no-show", FRONT_DESK),

    // Reservations of several rooms, and channel bookings by the channel's reference: front desk; channels
    // their own (they change and cancel them by their reference); managers and auditors read.
    CREATE_RESERVATION(Method.POST, "/properties/{propertyId}/reservations", FRONT_DESK, CHANNEL),
    GET_RESERVATION(Method.GET, "/properties/{propertyId}/reservations/{reservationId}", FRONT_DESK, CHANNEL, MANAGER, AUDITOR),
    CANCEL_RESERVATION(Method.POST, "/properties/{propertyId}/reservations/{reservationId}/cancel", FRONT_DESK, CHANNEL),
    GET_BOOKING_BY_EXTERNAL_REF(Method.GET, "/properties/{propertyId}/bookings/by-external-ref/{source}/{externalRef}",
            FRONT_DESK, CHANNEL, MANAGER, AUDITOR),
    MODIFY_BOOKING_BY_EXTERNAL_REF(Method.PATCH, "/properties/{propertyId}/bookings/by-external-ref/{source}/{externalRef}",
            FRONT_DESK, CHANNEL),
    CANCEL_BOOKING_BY_EXTERNAL_REF(Method.POST, "/properties/{propertyId}/bookings/by-external-ref/{source}/{externalRef}/cancel",
            FRONT_DESK, CHANNEL),

    // Guests: front desk; managers read.
    REGISTER_GUEST(Method.POST, "/guests", FRONT_DESK),
    SEARCH_GUESTS(Method.GET, "/guests", FRONT_DESK, MANAGER, AUDITOR),
    GET_GUEST(Method.GET, "/guests/{guestId}", FRONT_DESK, MANAGER, AUDITOR),
    UPDATE_GUEST(Method.PATCH, "/guests/{guestId}", FRONT_DESK),
    ERASE_GUEST(Method.DELETE, "/guests/{guestId}", FRONT_DESK),
    EXPORT_GUEST(Method.GET, "/guests/{guestId}/export", FRONT_DESK, MANAGER, AUDITOR),
    GET_LOYALTY(Method.GET, "/guests/{guestId}/loyalty", FRONT_DESK, MANAGER, AUDITOR),

    // Billing and payments: front desk; auditors read.
    GET_FOLIO(Method.GET, "/properties/{propertyId}/bookings/{bookingId}/folio", FRONT_DESK, AUDITOR),
    POST_CHARGE(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/charges", FRONT_DESK),
    ISSUE_INVOICE(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/invoices", FRONT_DESK),
    CREATE_PAYMENT(Method.POST, "/properties/{propertyId}/payments", FRONT_DESK),
    GET_PAYMENT(Method.GET, "/properties/{propertyId}/payments/{paymentId}", FRONT_DESK, AUDITOR),
    REFUND_PAYMENT(Method.POST, "/properties/{propertyId}/payments/{paymentId}/refunds", FRONT_DESK),
    LIST_INVOICES(Method.GET, "/properties/{propertyId}/invoices", FRONT_DESK, AUDITOR),
    GET_INVOICE(Method.GET, "/properties/{propertyId}/invoices/{invoiceId}", FRONT_DESK, AUDITOR),
    // A full credit note by front desk as before; managers too, and they credit chosen lines (a body with lines).
    ISSUE_CREDIT_NOTE(Method.POST, "/properties/{propertyId}/invoices/{invoiceId}/credit-notes", FRONT_DESK, MANAGER),

    // Folio windows: front desk opens them, routes charges to them and moves charges; front desk and managers
    // void a line on its business date; managers post allowances after it; auditors read.
    LIST_FOLIOS(Method.GET, "/properties/{propertyId}/bookings/{bookingId}/folios", FRONT_DESK, AUDITOR),
    OPEN_FOLIO(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/folios", FRONT_DESK),
    GET_FOLIO_WINDOW(Method.GET, "/properties/{propertyId}/bookings/{bookingId}/folios/{window}", FRONT_DESK, AUDITOR),
    SET_FOLIO_ROUTING(Method.PUT, "/properties/{propertyId}/bookings/{bookingId}/folios/{window}/routing", FRONT_DESK),
    MOVE_FOLIO_LINE(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/folios/{window}/lines/{lineId}/move", FRONT_DESK),
    VOID_FOLIO_LINE(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/folios/{window}/lines/{lineId}/void",
            FRONT_DESK, MANAGER),
    POST_ALLOWANCE(Method.POST, "/properties/{propertyId}/bookings/{bookingId}/folios/{window}/lines/{lineId}/allowances",
            MANAGER),

    // Companies and travel agents billed on account (the city ledger): managers keep their profiles and credit
    // limits; front desk reads them and records payments on account; auditors read.
    CREATE_COMPANY(Method.POST, "/properties/{propertyId}/companies", MANAGER),
    LIST_COMPANIES(Method.GET, "/properties/{propertyId}/companies", MANAGER, FRONT_DESK, AUDITOR),
    GET_COMPANY(Method.GET, "/properties/{propertyId}/companies/{companyId}", MANAGER, FRONT_DESK, AUDITOR),
    UPDATE_COMPANY(Method.PUT, "/properties/{propertyId}/companies/{companyId}", MANAGER),
    DELETE_COMPANY(Method.DELETE, "/properties/{propertyId}/companies/{companyId}", MANAGER),
    RECORD_COMPANY_PAYMENT(Method.POST, "/properties/{propertyId}/companies/{companyId}/payments", FRONT_DESK, MANAGER),
    AGEING_REPORT(Method.GET, "/properties/{propertyId}/reports/ageing", MANAGER, AUDITOR),

    // Operations: managers; auditors read; housekeeping reads the arrivals, to have their rooms ready.
    GET_BUSINESS_DATE(Method.GET, "/properties/{propertyId}/business-date", MANAGER, AUDITOR),
    RUN_NIGHT_AUDIT(Method.POST, "/properties/{propertyId}/night-audit", MANAGER),
    OCCUPANCY_REPORT(Method.GET, "/properties/{propertyId}/reports/occupancy", MANAGER, AUDITOR),
    ARRIVALS_REPORT(Method.GET, "/properties/{propertyId}/reports/arrivals", MANAGER, HOUSEKEEPING, AUDITOR),
    DEPARTURES_REPORT(Method.GET, "/properties/{propertyId}/reports/departures", MANAGER, AUDITOR),
    IN_HOUSE_REPORT(Method.GET, "/properties/{propertyId}/reports/in-house", MANAGER, AUDITOR),
    // The books of a business date: the accountant's close, read like the other reports.
    FINANCE_REPORT(Method.GET, "/properties/{propertyId}/reports/finance", MANAGER, AUDITOR),
    JOURNAL_REPORT(Method.GET, "/properties/{propertyId}/reports/journal", MANAGER, AUDITOR),
    EVENTS(Method.GET, "/properties/{propertyId}/events", MANAGER, AUDITOR),
    // The front desk reads a booking's history on its page.
    AUDIT_TRAIL(Method.GET, "/properties/{propertyId}/audit", MANAGER, FRONT_DESK, AUDITOR),

    // Forecasts of cancellations and overbooking: managers; auditors read the forecast.
    GET_FORECAST(Method.GET, "/properties/{propertyId}/forecast", MANAGER, AUDITOR),
    TRAIN_FORECAST(Method.POST, "/properties/{propertyId}/forecast/train", MANAGER),
    APPLY_FORECAST(Method.POST, "/properties/{propertyId}/forecast/apply", MANAGER),
    GET_CANCELLATION_FORECAST(Method.GET, "/properties/{propertyId}/bookings/{bookingId}/cancellation-forecast", MANAGER),
    SET_OVERBOOKING(Method.PUT, "/properties/{propertyId}/room-types/{roomTypeCode}/overbooking", MANAGER),
    GET_OVERBOOKING(Method.GET, "/properties/{propertyId}/room-types/{roomTypeCode}/overbooking", MANAGER, FRONT_DESK, AUDITOR),

    // Webhooks: admins and managers subscribe a property's integrations, read their delivery logs, redeliver and replay.
    CREATE_WEBHOOK(Method.POST, "/properties/{propertyId}/webhooks", MANAGER),
    LIST_WEBHOOKS(Method.GET, "/properties/{propertyId}/webhooks", MANAGER),
    GET_WEBHOOK(Method.GET, "/properties/{propertyId}/webhooks/{webhookId}", MANAGER),
    DELETE_WEBHOOK(Method.DELETE, "/properties/{propertyId}/webhooks/{webhookId}", MANAGER),
    LIST_WEBHOOK_DELIVERIES(Method.GET, "/properties/{propertyId}/webhooks/{webhookId}/deliveries", MANAGER),
    REDELIVER_WEBHOOK_EVENT(Method.POST, "/properties/{propertyId}/webhooks/{webhookId}/redeliveries", MANAGER),
    REPLAY_WEBHOOK(Method.POST, "/properties/{propertyId}/webhooks/{webhookId}/replay", MANAGER);

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

    /** The path template under {@code /v1}: {@code /properties/{propertyId}/rooms/{roomNumber}}. */
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
