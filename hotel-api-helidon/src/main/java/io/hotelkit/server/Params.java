package io.hotelkit.server;

import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a request says in its path and query, parsed the one way: a malformed id in a path is 404 (there is
 * nothing there), a malformed query parameter is 400 naming it, and so is money in another currency than
 * the property's.
 */
final class Params {

    private Params() {}

    static PropertyId property(ServerRequest req) {
        return id(req, "propertyId", "property", PropertyId::of);
    }

    static BookingId booking(ServerRequest req) {
        return id(req, "bookingId", "booking", BookingId::of);
    }

    static ReservationId reservation(ServerRequest req) {
        return id(req, "reservationId", "reservation", ReservationId::of);
    }

    /** {@code {source}/{externalRef}} of the path: a channel's reference; a malformed one names nothing (404). */
    static ChannelRef channelRef(ServerRequest req) {
        String source = path(req, "source");
        String ref = path(req, "externalRef");
        try {
            return ChannelRef.of(source, ref);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("booking with external ref", source + "/" + ref);
        }
    }

    static GuestId guest(ServerRequest req) {
        return id(req, "guestId", "guest", GuestId::of);
    }

    static PaymentId payment(ServerRequest req) {
        return id(req, "paymentId", "payment", PaymentId::of);
    }

    /** An authorisation's id: a payment id, as authorisations and payments share one kind of id. */
    static PaymentId authorisation(ServerRequest req) {
        return id(req, "authorisationId", "authorisation", PaymentId::of);
    }

    static InvoiceId invoice(ServerRequest req) {
        return id(req, "invoiceId", "invoice", InvoiceId::of);
    }

    /**
     * A code or number in the path ({@code {roomNumber}}, {@code {ratePlanCode}}); one that is not plain
     * text names nothing, and is 404 before any store is asked (PostgreSQL refuses NUL in text).
     */
    static String path(ServerRequest req, String name) {
        String value = req.path().pathParameters().get(name);
        if (!PlainText.isPlain(value)) {
            throw new NotFoundException(name, "(not plain text)");
        }
        return value;
    }

    private static <T> T id(ServerRequest req, String parameter, String kind, Function<String, T> parse) {
        String value = path(req, parameter);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException(kind, value);
        }
    }

    /** A query parameter, if present and not empty; 400 naming it unless it is plain text. */
    static Optional<String> query(ServerRequest req, String name) {
        Optional<String> value = req.query().first(name).filter(text -> !text.isEmpty());
        if (value.isPresent() && !PlainText.isUtf8(req.query().getRaw(name))) {
            throw new InvalidRequestException(name, "must be UTF-8 text, percent-encoded");
        }
        value.flatMap(text -> PlainText.problem(text, false)).ifPresent(problem -> {
            throw new InvalidRequestException(name, problem);
        });
        return value;
    }

    static String requiredQuery(ServerRequest req, String name) {
        return query(req, name).orElseThrow(() -> new InvalidRequestException(name, "is required"));
    }

    static LocalDate date(ServerRequest req, String name) {
        return parseDate(name, requiredQuery(req, name));
    }

    static Optional<LocalDate> optionalDate(ServerRequest req, String name) {
        return query(req, name).map(value -> parseDate(name, value));
    }

    private static LocalDate parseDate(String name, String value) {
        return Json.parseDate(value).orElseThrow(() -> new InvalidRequestException(name,
                "must be a date (YYYY-MM-DD) from %s to %s, not '%s'".formatted(Json.EARLIEST_DATE, Json.LATEST_DATE,
                        value.length() <= 40 ? value : value.substring(0, 40) + "...")));
    }

    static int integer(ServerRequest req, String name, int whenAbsent, int min, int max) {
        Optional<String> value = query(req, name);
        if (value.isEmpty()) {
            return whenAbsent;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidRequestException(name, "must be a whole number from " + min + " to " + max);
    }

    /** An enum value as the API writes it ({@code checked_in}), or empty when the parameter is absent. */
    /** A query flag: {@code true} or {@code false}, {@code whenAbsent} when not given. */
    static boolean bool(ServerRequest req, String name, boolean whenAbsent) {
        Optional<String> value = query(req, name);
        if (value.isEmpty()) {
            return whenAbsent;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, "must be true or false");
        };
    }

    static <E extends Enum<E>> Optional<E> enumeration(ServerRequest req, String name, Class<E> type) {
        return query(req, name).map(value -> parseEnum(name, value, type));
    }

    static <E extends Enum<E>> E parseEnum(String field, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new InvalidRequestException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The stay {@code [checkin, checkout)}, or 400 naming the checkout date if it is not after the checkin. */
    static Stay stay(LocalDate checkin, LocalDate checkout) {
        if (!checkout.isAfter(checkin)) {
            throw new InvalidRequestException("checkout_date", "must be after checkin_date " + checkin);
        }
        return Stay.of(checkin, checkout);
    }

    /** The nights {@code [from, to)}, or 400 naming {@code to} if it is not after {@code from}. */
    static DateRange range(LocalDate from, LocalDate to, String toField) {
        if (!to.isAfter(from)) {
            throw new InvalidRequestException(toField, "must be after " + from);
        }
        return DateRange.of(from, to);
    }

    /** {@code money}, which a request sent in {@code field}, if it is in the property's {@code currency}. */
    static Money inCurrency(Money money, Currency currency, String field) {
        if (!money.currency().equals(currency)) {
            throw ApiException.currencyMismatch(field, currency.getCurrencyCode(), money.currency().getCurrencyCode());
        }
        return money;
    }

    /** {@code money} if it is more than zero and in the property's {@code currency}: a charge, a payment, a refund. */
    static Money positive(Money money, Currency currency, String field) {
        if (!money.isPositive()) {
            throw new InvalidRequestException(field, "must be more than zero");
        }
        return inCurrency(money, currency, field);
    }

    static @Nullable Money inCurrencyOrNull(@Nullable Money money, Currency currency, String field) {
        return money == null ? null : inCurrency(money, currency, field);
    }

    /**
     * The guests of a search: {@code adults} (2 when absent), {@code children} and {@code children_ages}
     * ({@code 4,11}: one age from 0 to 17 per child; {@code children} may then be left out, and must else agree).
     */
    static Occupancy occupancy(ServerRequest req) {
        int adults = integer(req, "adults", 2, 1, 100);
        Optional<String> agesText = query(req, "children_ages");
        if (agesText.isEmpty()) {
            return Occupancy.of(adults, integer(req, "children", 0, 0, 100));
        }
        List<Integer> ages = ages(agesText.get());
        int children = integer(req, "children", ages.size(), 0, 100);
        if (children != ages.size()) {
            throw new InvalidRequestException("children_ages", "gives " + ages.size() + " ages for " + children + " children");
        }
        return Occupancy.of(adults, ages);
    }

    private static List<Integer> ages(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > 100) {
            throw new InvalidRequestException("children_ages", "gives at most 100 ages");
        }
        List<Integer> ages = new ArrayList<>(parts.length);
        for (String part : parts) {
            try {
                int age = Integer.parseInt(part.strip());
                if (age >= 0 && age <= Occupancy.MAX_CHILD_AGE) {
                    ages.add(age);
                    continue;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InvalidRequestException("children_ages", "is a list of ages from 0 to " + Occupancy.MAX_CHILD_AGE
                    + " separated by commas, such as 4,11");
        }
        return ages;
    }

    /** Children's ages of a body: empty when not given; else one per child, each from 0 to 17. */
    static Occupancy occupancy(int adults, @Nullable Integer children, @Nullable List<Integer> ages, String prefix) {
        if (ages == null || ages.isEmpty()) {
            return Occupancy.of(adults, children == null ? 0 : children);
        }
        if (children != null && children != ages.size()) {
            throw new InvalidRequestException(prefix + "children_ages", "gives " + ages.size() + " ages for " + children + " children");
        }
        for (int i = 0; i < ages.size(); i++) {
            Integer age = ages.get(i);
            if (age == null || age < 0 || age > Occupancy.MAX_CHILD_AGE) {
                throw new InvalidRequestException(prefix + "children_ages[" + i + "]", "is an age from 0 to " + Occupancy.MAX_CHILD_AGE);
            }
        }
        return Occupancy.of(adults, ages);
    }
}
