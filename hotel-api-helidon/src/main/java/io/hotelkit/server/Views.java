package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Payer;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.guests.LoyaltyTier;
import io.hotelkit.inventory.CityTaxRule;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.inventory.VatCategory;
import io.hotelkit.inventory.VatRates;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.Reservation;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes that more than one resource answers with, each made from core's model by its
 * {@code of}. Field names are the records' components in snake_case; money is always a {@link Money}.
 */
final class Views {

    private Views() {}

    record PropertyView(
            String id,
            String code,
            String name,
            String timezone,
            String currency,
            @JsonFormat(pattern = "HH:mm") LocalTime checkInTime,
            @JsonFormat(pattern = "HH:mm") LocalTime checkOutTime,
            int maxStayNights,
            Tax tax,
            LocalDate businessDate,
            String language,
            @Nullable String address,
            @Nullable String vatId) {

        static PropertyView of(Property property) {
            return new PropertyView(property.id().value(), property.code(), property.name(), property.timezone().getId(),
                    property.currency().getCurrencyCode(), property.checkInTime(), property.checkOutTime(),
                    property.maxStayNights(), Tax.of(property.taxes()), property.businessDate(), property.language(),
                    property.address(), property.vatId());
        }
    }

    /**
     * A property's taxes, as a request gives them and a response shows them. A property with one VAT rate
     * and a flat city tax (today's body) has neither {@code vat_rates} nor {@code city_tax}, and its answers
     * have neither.
     *
     * @param vatPercent the one rate; with {@code vatRates} their accommodation rate, which it may be left out for
     * @param cityTaxPerPersonNight the flat city tax; with {@code cityTax} it may be left out (answers show the
     *     rule's amount when it is per person and night, else zero)
     */
    record Tax(
            @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal vatPercent,
            @NotNull Boolean vatIncluded,
            @Nullable Money cityTaxPerPersonNight,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Valid @Nullable VatRatesView vatRates,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Valid @Nullable CityTaxView cityTax) {

        static Tax of(TaxPolicy taxes) {
            CityTaxRule rule = taxes.cityTax();
            boolean flat = rule.equals(CityTaxRule.perPersonNight(rule.amount()));
            return new Tax(taxes.vatPercent(), taxes.vatIncluded(), taxes.cityTaxPerPersonNight(),
                    taxes.rates() == null ? null : VatRatesView.of(taxes.rates()), flat ? null : CityTaxView.of(rule));
        }

        /**
         * The policy this body asks for, in the property's currency.
         *
         * @throws InvalidRequestException naming the field at fault, under {@code tax.}
         */
        TaxPolicy toPolicy(Currency currency) {
            if (vatRates == null && vatPercent == null) {
                throw new InvalidRequestException("tax.vat_percent", "is required without vat_rates");
            }
            if (vatRates != null && vatPercent != null && vatPercent.compareTo(vatRates.accommodation()) != 0) {
                throw new InvalidRequestException("tax.vat_percent", "must be vat_rates.accommodation, "
                        + vatRates.accommodation().toPlainString() + ", when both are given");
            }
            if (cityTax == null && cityTaxPerPersonNight == null) {
                throw new InvalidRequestException("tax.city_tax_per_person_night", "is required without city_tax");
            }
            if (cityTax == null) {
                Money flat = Params.inCurrency(cityTaxPerPersonNight, currency, "tax.city_tax_per_person_night");
                if (flat.isNegative()) {
                    throw new InvalidRequestException("tax.city_tax_per_person_night", "must not be negative");
                }
                return vatRates == null ? new TaxPolicy(vatPercent, vatIncluded, flat)
                        : new TaxPolicy(vatRates.accommodation(), vatIncluded, flat, vatRates.toRates(), CityTaxRule.perPersonNight(flat));
            }
            CityTaxRule rule = cityTax.toRule(currency);
            if (cityTaxPerPersonNight != null && !cityTaxPerPersonNight.equals(
                    rule.basis() == CityTaxRule.Basis.PER_PERSON_NIGHT ? rule.amount() : Money.zero(currency))) {
                throw new InvalidRequestException("tax.city_tax_per_person_night", "must agree with city_tax, or be left out");
            }
            return new TaxPolicy(vatRates == null ? vatPercent : vatRates.accommodation(), vatIncluded, rule.amount(),
                    vatRates == null ? null : vatRates.toRates(), rule);
        }
    }

    /** A VAT rate per category, and the category of charge categories that are not where {@link VatRates#DEFAULTS} puts them. */
    record VatRatesView(
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal accommodation,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal foodAndBeverage,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal other,
            @Nullable @Size(max = 50) Map<@Pattern(regexp = "[a-z][a-z_]{0,31}") String, @NotNull VatCategory> categories) {

        static VatRatesView of(VatRates rates) {
            return new VatRatesView(rates.accommodation(), rates.foodAndBeverage(), rates.other(), new TreeMap<>(rates.categories()));
        }

        VatRates toRates() {
            try {
                return new VatRates(accommodation, foodAndBeverage, other, categories == null ? Map.of() : categories);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("tax.vat_rates", e.getMessage());
            }
        }
    }

    /** A city tax rule: see {@link CityTaxRule}. */
    record CityTaxView(
            @NotNull CityTaxRule.Basis basis,
            @Nullable Money amount,
            @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal percent,
            @Nullable @Min(0) @Max(18) Integer exemptUnderAge,
            @Nullable @Min(1) @Max(730) Integer maxNights) {

        static CityTaxView of(CityTaxRule rule) {
            return new CityTaxView(rule.basis(), rule.basis() == CityTaxRule.Basis.PERCENT_OF_ROOM ? null : rule.amount(),
                    rule.percent(), rule.exemptUnderAge(), rule.maxNights());
        }

        CityTaxRule toRule(Currency currency) {
            if (basis == CityTaxRule.Basis.PERCENT_OF_ROOM) {
                if (percent == null) {
                    throw new InvalidRequestException("tax.city_tax.percent", "is required for a percentage of the room price");
                }
                if (amount != null) {
                    throw new InvalidRequestException("tax.city_tax.amount", "is not given for a percentage of the room price");
                }
            } else {
                if (amount == null) {
                    throw new InvalidRequestException("tax.city_tax.amount", "is required for a city tax of " + basis.name().toLowerCase());
                }
                if (percent != null) {
                    throw new InvalidRequestException("tax.city_tax.percent", "is only given for a percentage of the room price");
                }
                Params.inCurrency(amount, currency, "tax.city_tax.amount");
                if (amount.isNegative()) {
                    throw new InvalidRequestException("tax.city_tax.amount", "must not be negative");
                }
            }
            if (exemptUnderAge != null && basis != CityTaxRule.Basis.PER_PERSON_NIGHT) {
                throw new InvalidRequestException("tax.city_tax.exempt_under_age", "only a city tax per person and night exempts by age");
            }
            if (percent != null && percent.stripTrailingZeros().scale() > 4) {
                throw new InvalidRequestException("tax.city_tax.percent", "has at most 4 decimals");
            }
            return new CityTaxRule(basis, amount == null ? Money.zero(currency) : amount, percent, exemptUnderAge, maxNights);
        }
    }

    /** A cancellation policy, as a request gives it and a response shows it. */
    record Policy(
            @NotNull @Min(0) @Max(730) Integer freeUntilDaysBefore,
            @NotNull CancellationPolicy.Penalty penalty,
            @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal percent) {

        static Policy of(CancellationPolicy policy) {
            return new Policy(policy.freeUntilDaysBefore(), policy.penalty(), policy.percent());
        }

        CancellationPolicy toPolicy() {
            return new CancellationPolicy(freeUntilDaysBefore, penalty, percent);
        }
    }

    /** The room price of one night. */
    record NightPrice(LocalDate date, Money amount) {}

    record BookingView(
            String id,
            String confirmationCode,
            BookingStatus status,
            String guestId,
            String roomType,
            @Nullable String roomNumber,
            String ratePlan,
            @Nullable String block,
            LocalDate checkinDate,
            LocalDate checkoutDate,
            int nights,
            int adults,
            int children,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> childrenAges,
            Money total,
            List<NightPrice> nightly,
            Policy cancellationPolicy,
            @Nullable String specialRequests,
            @Nullable String cancellationReason,
            long version,
            Instant createdAt,
            Instant updatedAt,
            @Nullable String reservationId,
            @Nullable String source,
            @Nullable String externalRef,
            @Nullable String guestName) {

        static BookingView of(Booking booking) {
            List<NightPrice> nightly = new ArrayList<>();
            LocalDate night = booking.stay().checkin();
            for (Money price : booking.nightly()) {
                nightly.add(new NightPrice(night, price));
                night = night.plusDays(1);
            }
            return new BookingView(booking.id().value(), booking.confirmationCode(), booking.status(),
                    booking.guestId().value(), booking.roomType(), booking.roomNumber(), booking.ratePlan(), booking.block(),
                    booking.stay().checkin(), booking.stay().checkout(), booking.stay().nights(),
                    booking.occupancy().adults(), booking.occupancy().children(), booking.occupancy().childrenAges(),
                    booking.total(), nightly,
                    Policy.of(booking.cancellationPolicy()), booking.specialRequests(), booking.cancellationReason(),
                    booking.version(), booking.createdAt(), booking.updatedAt(),
                    booking.reservationId() == null ? null : booking.reservationId().value(),
                    booking.channel() == null ? null : booking.channel().source(),
                    booking.channel() == null ? null : booking.channel().externalRef(), booking.guestName());
        }
    }

    /** Rooms booked together: each room is a booking of its own, in the order they were asked for. */
    record ReservationView(
            String id,
            String confirmationCode,
            @Nullable String source,
            @Nullable String externalRef,
            Money total,
            List<BookingView> rooms) {

        static ReservationView of(Reservation reservation) {
            return new ReservationView(reservation.id().value(), reservation.confirmationCode(),
                    reservation.channel() == null ? null : reservation.channel().source(),
                    reservation.channel() == null ? null : reservation.channel().externalRef(), reservation.total(),
                    reservation.rooms().stream().map(BookingView::of).toList());
        }
    }

    record GuestView(
            String id,
            String name,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String nationality,
            Map<String, Object> preferences,
            boolean loyaltyOptIn,
            Instant createdAt,
            @Nullable Instant erasedAt) {

        static GuestView of(Guest guest) {
            return new GuestView(guest.id().value(), guest.name(), guest.email(), guest.phone(), guest.nationality(),
                    guest.preferences(), guest.loyaltyOptIn(), guest.createdAt(), guest.erasedAt());
        }
    }

    record Loyalty(LoyaltyTier tier, long points, List<LoyaltyEntry> history) {

        static Loyalty of(LoyaltyAccount account, LoyaltyTier tier) {
            return new Loyalty(tier, account.points(), account.history().stream()
                    .map(e -> new LoyaltyEntry(e.at(), e.points(), e.reason(), e.reference())).toList());
        }
    }

    record LoyaltyEntry(Instant at, long points, String reason, String reference) {}

    /** @param paymentId the payment a payment line records, for a refund of it; null on every other line */
    /**
     * @param category the charge category ({@code room}, a package's or an extra's, {@code city_tax}); absent on
     *     payments and refunds
     * @param vatPercent the line's VAT rate; absent where no VAT applies
     */
    record FolioLineView(String id, LocalDate date, FolioLineKind kind, String description, Money amount,
                         @Nullable String paymentId, Instant postedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String category,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BigDecimal vatPercent) {

        private static final String PAYMENT = "payment:";

        static FolioLineView of(FolioLine line) {
            String reference = line.reference();
            String paymentId = line.kind() == FolioLineKind.PAYMENT && reference != null && reference.startsWith(PAYMENT)
                    ? reference.substring(PAYMENT.length())
                    : null;
            return new FolioLineView(line.id(), line.date(), line.kind(), line.description(), line.amount(), paymentId,
                    line.postedAt(), line.category(), line.vatPercent());
        }
    }

    record FolioView(String bookingId, List<FolioLineView> lines, Money charges, Money balance) {

        static FolioView of(Folio folio) {
            return new FolioView(folio.bookingId().value(), folio.lines().stream().map(FolioLineView::of).toList(),
                    folio.charges(), folio.balance());
        }
    }

    record PaymentView(
            String id,
            String bookingId,
            Money amount,
            PaymentMethod method,
            Payment.Status status,
            String gatewayReference,
            @Nullable String cardHint,
            @Nullable String declineReason,
            Money refundable,
            List<RefundView> refunds,
            Instant createdAt) {

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.id().value(), payment.bookingId().value(), payment.amount(), payment.method(),
                    payment.status(), payment.gatewayReference(), payment.cardHint(), payment.declineReason(),
                    payment.refundable(), payment.refunds().stream().map(r -> RefundView.of(payment, r)).toList(),
                    payment.createdAt());
        }
    }

    record RefundView(String id, String paymentId, Money amount, String gatewayReference, Instant createdAt) {

        static RefundView of(Payment payment, Payment.Refund refund) {
            return new RefundView(refund.id(), payment.id().value(), refund.amount(), refund.gatewayReference(),
                    refund.createdAt());
        }
    }

    record InvoiceView(
            String id,
            String number,
            InvoiceKind kind,
            @Nullable String credits,
            String bookingId,
            LocalDate issueDate,
            Instant issuedAt,
            String billTo,
            List<InvoiceLine> lines,
            Money total,
            Money vat,
            @Nullable String paymentHint,
            InvoiceService.Status status,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<VatLine> vatBreakdown) {

        static InvoiceView of(Invoice invoice, InvoiceService invoices) {
            return new InvoiceView(invoice.id().value(), invoice.number(), invoice.kind(),
                    invoice.credits() == null ? null : invoice.credits().value(), invoice.bookingId().value(),
                    invoice.issueDate(), invoice.issuedAt(), invoices.billTo(invoice),
                    invoice.lines().stream().map(l -> new InvoiceLine(l.folioLineId(), l.date(), l.kind(), l.description(),
                            l.amount(), l.category(), l.vatPercent())).toList(),
                    invoice.total(), invoice.vat(), invoice.paymentHint(), invoices.status(invoice),
                    invoice.vatBreakdown().stream().map(v -> new VatLine(v.percent(), v.net(), v.vat(), v.gross())).toList());
        }
    }

    record InvoiceLine(String folioLineId, LocalDate date, FolioLineKind kind, String description, Money amount,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String category,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BigDecimal vatPercent) {}

    /** The charges at one VAT rate: {@code net + vat = gross}. */
    record VatLine(BigDecimal percent, Money net, Money vat, Money gross) {}

    /** Who a folio window is billed to. */
    record PayerView(Payer.Kind kind, @Nullable String name, @Nullable String companyId) {
        static PayerView of(Payer payer) {
            return new PayerView(payer.kind(), payer.name(), payer.companyId() == null ? null : payer.companyId().value());
        }
    }

    /** One window of a booking's folio, with its payer and routing. */
    record FolioWindowView(String bookingId, int window, PayerView payer, List<String> routes, List<FolioLineView> lines,
            Money charges, Money balance) {
        static FolioWindowView of(Folio folio) {
            return new FolioWindowView(folio.bookingId().value(), folio.window(), PayerView.of(folio.payer()),
                    folio.routes().stream().map(io.hotelkit.reservations.FolioWindows::wire).toList(),
                    folio.lines().stream().map(FolioLineView::of).toList(), folio.charges(), folio.balance());
        }
    }

    /** A move: the transfer line on the source window and the charge on the target window. */
    record MoveView(FolioLineView out, FolioLineView in, String toBookingId, int toWindow) {}

    record AddressView(String line1, @Nullable String line2, String postalCode, String city, String country) {}

    record OpenItemView(String invoiceId, String number, LocalDate issued, Money total, Money owed) {}

    record EntryView(String id, Company.EntryKind kind, LocalDate date, Money amount, @Nullable String invoiceId,
            @Nullable String number, @Nullable String paymentId, @Nullable String reference) {}

    /** A company with its profile and its account: balance, open invoices, entries, and what it may still be charged. */
    record CompanyView(String id, Company.Kind kind, String name, AddressView address, @Nullable String vatId, Money creditLimit,
            Money balance, Money exposure, Money unallocated, List<OpenItemView> openItems, List<EntryView> entries, long version) {
        static CompanyView of(Company company, io.hotelkit.billing.CityLedger ledger) {
            Company.Address a = company.address();
            return new CompanyView(company.id().value(), company.kind(), company.name(),
                    new AddressView(a.line1(), a.line2(), a.postalCode(), a.city(), a.country()), company.vatId(), company.creditLimit(),
                    company.balance(), ledger.exposure(company), company.unallocated(),
                    company.openItems().stream().map(i -> new OpenItemView(i.invoiceId().value(), i.number(), i.issued(), i.total(),
                            i.owed())).toList(),
                    company.entries().stream().map(e -> new EntryView(e.id(), e.kind(), e.date(), e.amount(),
                            e.invoiceId() == null ? null : e.invoiceId().value(), e.number(), e.paymentId(), e.reference())).toList(),
                    company.version());
        }
    }

    record AgeingLineView(@Nullable String companyId, String name, Money days0To30, Money days31To60, Money days61To90, Money over90,
            Money unallocated, Money balance) {
        static AgeingLineView of(io.hotelkit.billing.CityLedger.Ageing line) {
            return new AgeingLineView(line.companyId() == null ? null : line.companyId().value(), line.name(), line.days0To30(),
                    line.days31To60(), line.days61To90(), line.over90(), line.unallocated(), line.balance());
        }
    }

    record AgeingView(LocalDate date, List<AgeingLineView> companies, AgeingLineView total) {
        static AgeingView of(io.hotelkit.billing.CityLedger.AgeingReport report) {
            return new AgeingView(report.asOf(), report.companies().stream().map(AgeingLineView::of).toList(),
                    AgeingLineView.of(report.total()));
        }
    }
}
