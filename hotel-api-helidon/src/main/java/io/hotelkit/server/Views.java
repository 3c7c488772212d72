package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonFormat;
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
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.Reservation;
import io.hotelkit.shared.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            LocalDate businessDate) {

        static PropertyView of(Property property) {
            return new PropertyView(property.id().value(), property.code(), property.name(), property.timezone().getId(),
                    property.currency().getCurrencyCode(), property.checkInTime(), property.checkOutTime(),
                    property.maxStayNights(), new Tax(property.taxes().vatPercent(), property.taxes().vatIncluded(),
                            property.taxes().cityTaxPerPersonNight()), property.businessDate());
        }
    }

    /** A property's taxes, as a request gives them and a response shows them. */
    record Tax(
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal vatPercent,
            @NotNull Boolean vatIncluded,
            @NotNull Money cityTaxPerPersonNight) {}

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
                    booking.occupancy().adults(), booking.occupancy().children(), booking.total(), nightly,
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
    record FolioLineView(String id, LocalDate date, FolioLineKind kind, String description, Money amount,
                         @Nullable String paymentId, Instant postedAt) {

        private static final String PAYMENT = "payment:";

        static FolioLineView of(FolioLine line) {
            String reference = line.reference();
            String paymentId = line.kind() == FolioLineKind.PAYMENT && reference != null && reference.startsWith(PAYMENT)
                    ? reference.substring(PAYMENT.length())
                    : null;
            return new FolioLineView(line.id(), line.date(), line.kind(), line.description(), line.amount(), paymentId,
                    line.postedAt());
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
            InvoiceService.Status status) {

        static InvoiceView of(Invoice invoice, InvoiceService invoices) {
            return new InvoiceView(invoice.id().value(), invoice.number(), invoice.kind(),
                    invoice.credits() == null ? null : invoice.credits().value(), invoice.bookingId().value(),
                    invoice.issueDate(), invoice.issuedAt(), invoices.billTo(invoice),
                    invoice.lines().stream().map(l -> new InvoiceLine(l.folioLineId(), l.date(), l.kind(), l.description(),
                            l.amount())).toList(),
                    invoice.total(), invoice.vat(), invoice.paymentHint(), invoices.status(invoice));
        }
    }

    record InvoiceLine(String folioLineId, LocalDate date, FolioLineKind kind, String description, Money amount) {}

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
