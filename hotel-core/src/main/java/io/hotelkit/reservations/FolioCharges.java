package io.hotelkit.reservations;

import io.hotelkit.billing.BillingEvent;
import io.hotelkit.billing.Companies;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.internal.Posting;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A booking's folio and the extras charged to it (minibar, restaurant, parking). Room nights and fees
 * reach the folio through the night audit, the {@link FrontDesk} and {@link Cancellations}; payments
 * through the payment service.
 */
public final class FolioCharges {

    private final Properties properties;
    private final Folios folios;
    private final Posting posting;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;
    private final BookingRecords records;

    public FolioCharges(Properties properties, Bookings bookings, Folios folios, Companies companies, Idempotency idempotency,
            Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.posting = new Posting(folios, Objects.requireNonNull(companies, "companies"));
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = new BookingRecords(bookings, folios);
    }

    public Folio folio(PropertyId propertyId, BookingId id) {
        records.booking(propertyId, id);
        return records.folio(propertyId, id);
    }

    /**
     * Posts an extra (minibar, restaurant, parking) to the folio of a booking that is confirmed or in the
     * house: to the window its routing sends extras of the category to, else to the guest's window.
     *
     * @throws io.hotelkit.billing.CreditLimitExceededException if it goes to a company's window and would take
     *     the company past its credit limit
     *
     * @param date the business date it belongs to; today's when null, never a later one
     */
    public FolioLine charge(PropertyId propertyId, BookingId id, String description, Money amount, String category,
            @Nullable LocalDate date, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount").requirePositive("a charge");
        Idempotency.Request request = Idempotency.Request.of("charge").with("property_id", propertyId.value())
                .with("booking_id", id.value()).with("description", description).with("amount", amount)
                .with("category", category).with("date", date);
        return idempotency.once(idempotencyKey, request, () -> {
            Booking booking = records.booking(propertyId, id);
            if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.CHECKED_IN) {
                throw new BookingNotChangeableException(id, "its folio is closed: it is " + booking.status().code());
            }
            Property property = properties.require(propertyId);
            amount.requireCurrency(property.currency());
            LocalDate on = date != null ? date : property.businessDate();
            if (on.isAfter(property.businessDate())) {
                throw new InvalidRequestException("date", "a charge cannot be dated after the business date " + property.businessDate());
            }
            if (category == null || !category.matches("[a-z][a-z_]{0,31}")) {
                throw new InvalidRequestException("category", "a category is 1 to 32 lower-case letters and '_', such as 'minibar'");
            }
            BigDecimal vatPercent = property.taxes().extraVatPercent(category);
            FolioLine line = new FolioLine(ids.next(), on, FolioLineKind.EXTRA, description, amount, null, clock.instant(), category,
                    vatPercent);
            posting.post(propertyId, id, line, category, true);
            long vatOnTop = vatPercent == null ? 0 : property.taxes().vatOnTopMinor(amount.minorUnits(), vatPercent, property.rounding());
            if (vatOnTop != 0) { // VAT added on top of prices: the extra's own tax line, at its category's rate
                posting.post(propertyId, id, new FolioLine(ids.next(), on, FolioLineKind.TAX, "VAT " + vatPercent.toPlainString()
                        + "% on " + category, Money.ofMinor(vatOnTop, amount.currency()), "tax:extra:" + line.id(), clock.instant(),
                        category, vatPercent), category, true);
            }
            events.record(propertyId, id.value(), new BillingEvent.ExtraCharged(category, amount.amount()));
            return line;
        }, FolioLine::id, lineId -> folios.windows(propertyId, id).stream().flatMap(folio -> folio.lines().stream())
                .filter(line -> line.id().equals(lineId)).findFirst().orElseThrow());
    }
}
