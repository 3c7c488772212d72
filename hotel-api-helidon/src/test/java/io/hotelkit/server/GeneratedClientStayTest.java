package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.Role;
import io.hotelkit.client.ApiClient;
import io.hotelkit.client.api.BillingApi;
import io.hotelkit.client.api.BookingsApi;
import io.hotelkit.client.api.GuestsApi;
import io.hotelkit.client.api.OperationsApi;
import io.hotelkit.client.api.PropertiesApi;
import io.hotelkit.client.api.AvailabilityApi;
import io.hotelkit.client.api.SetUpApi;
import io.hotelkit.client.model.Availability;
import io.hotelkit.client.model.Booking;
import io.hotelkit.client.model.BookingStatus;
import io.hotelkit.client.model.CancellationPolicy;
import io.hotelkit.client.model.Folio;
import io.hotelkit.client.model.Guest;
import io.hotelkit.client.model.Invoice;
import io.hotelkit.client.model.NewBooking;
import io.hotelkit.client.model.NewCharge;
import io.hotelkit.client.model.NewGuest;
import io.hotelkit.client.model.NewPayment;
import io.hotelkit.client.model.NewProperty;
import io.hotelkit.client.model.NewRatePlan;
import io.hotelkit.client.model.NewRoom;
import io.hotelkit.client.model.NewRoomType;
import io.hotelkit.client.model.NightAudit;
import io.hotelkit.client.model.Payment;
import io.hotelkit.client.model.PaymentMethod;
import io.hotelkit.client.model.PriceRow;
import io.hotelkit.client.model.Property;
import io.hotelkit.client.model.RatePlan;
import io.hotelkit.client.model.Tax;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A third party's view of the contract: a Java client generated from the OpenAPI document by
 * openapi-generator ({@code java}, library {@code native}, during this module's build, unmodified) drives
 * one whole stay against a real server on H2. That the client compiles at all is half the test: a path
 * parameter named {@code {p}} collided with the generator's own variable. Check-in sends the generator's
 * {@code null} body, which must mean "no body".
 */
class GeneratedClientStayTest {

    @Test
    void a_generated_client_walks_a_whole_stay() throws Exception {
        try (LiveServer server = LiveServer.start(Fixture.onH2())) {
            Fixture fixture = server.fixture();
            String base = "http://127.0.0.1:" + server.port();

            Property property = new PropertiesApi(client(base, fixture.key(Role.ADMIN))).createProperty(
                    new NewProperty().code("GEN").name("Generated Inn").timezone("Europe/Lisbon").currency("EUR")
                            .checkInTime("15:00").checkOutTime("11:00")
                            .tax(new Tax().vatPercent(new BigDecimal("6")).vatIncluded(false)
                                    .cityTaxPerPersonNight(eur("2.00"))), "gen-property");
            String id = property.getId();
            LocalDate today = property.getBusinessDate();

            SetUpApi setUp = new SetUpApi(client(base, fixture.key(Role.MANAGER, id)));
            setUp.createRoomType(id, new NewRoomType().code("DBL").name("Double").maxAdults(2).maxChildren(1)
                    .maxOccupancy(3), null);
            setUp.createRoom(id, new NewRoom().number("101").roomType("DBL").floor("1"), null);
            RatePlan flex = setUp.createRatePlan(id, new NewRatePlan().code("FLEX").name("Flexible")
                    .cancellationPolicy(new CancellationPolicy().freeUntilDaysBefore(2)
                            .penalty(CancellationPolicy.PenaltyEnum.FIRST_NIGHT)), null);
            assertThat(flex.getDerivedFrom()).isNull();
            setUp.setPrices(id, "FLEX", List.of(new PriceRow().roomType("DBL").from(today)
                    .to(today.plusDays(30)).amount(eur("100.00"))));

            String frontDeskKey = fixture.key(Role.FRONT_DESK, id);
            Availability offers = new AvailabilityApi(client(base, frontDeskKey))
                    .searchAvailability(id, today, today.plusDays(1), 2, 0, null, "DBL", "FLEX", null);
            assertThat(offers.getOffers()).hasSize(1);
            // one night of 100.00, VAT 6 % on top, city tax 2.00 for each of two guests
            assertThat(offers.getOffers().get(0).getTotal().getAmount()).isEqualTo("110.00");

            Guest guest = new GuestsApi(client(base, frontDeskKey)).registerGuest(
                    new NewGuest().name("Ana Gerada").email("ana.gerada@example.com"), "gen-guest");
            BookingsApi bookings = new BookingsApi(client(base, frontDeskKey));
            Booking booked = bookings.createBooking(id, new NewBooking().guestId(guest.getId()).roomType("DBL")
                    .ratePlan("FLEX").checkinDate(today).checkoutDate(today.plusDays(1)).adults(2), "gen-booking");
            assertThat(booked.getStatus()).isEqualTo(BookingStatus.CONFIRMED);

            Booking checkedIn = bookings.checkIn(id, booked.getId(), null);
            assertThat(checkedIn.getStatus()).isEqualTo(BookingStatus.CHECKED_IN);
            assertThat(checkedIn.getRoomNumber()).isEqualTo("101");

            BillingApi billing = new BillingApi(client(base, frontDeskKey));
            billing.postCharge(id, booked.getId(), new NewCharge().description("Minibar").amount(eur("12.50"))
                    .category("minibar"), "gen-charge");

            NightAudit audit = new OperationsApi(client(base, fixture.key(Role.MANAGER, id))).runNightAudit(id);
            assertThat(audit.getClosedDate()).isEqualTo(today);

            Folio folio = billing.getFolio(id, booked.getId());
            assertThat(folio.getBalance().getAmount()).isEqualTo("122.50");
            Payment paid = billing.createPayment(id, new NewPayment().bookingId(booked.getId())
                    .amount(folio.getBalance()).method(PaymentMethod.CARD).cardToken("tok_visa"), "gen-payment");
            assertThat(paid.getGatewayReference()).isNotEmpty();

            assertThat(bookings.checkOut(id, booked.getId()).getStatus()).isEqualTo(BookingStatus.CHECKED_OUT);
            Invoice invoice = billing.issueInvoice(id, booked.getId(), "gen-invoice", null);
            assertThat(invoice.getTotal().getAmount()).isEqualTo("122.50");
            Invoice credit = billing.issueCreditNote(id, invoice.getId(), "gen-credit", null);
            assertThat(credit.getTotal().getAmount()).isEqualTo("-122.50");
            assertThat(billing.getInvoice(id, invoice.getId()).getId()).isEqualTo(invoice.getId());
        }
    }

    private static io.hotelkit.client.model.Money eur(String amount) {
        return new io.hotelkit.client.model.Money().amount(amount).currency("EUR");
    }

    private static ApiClient client(String base, String key) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), base);
        client.setRequestInterceptor(request -> request.header("Authorization", Fixture.bearer(key)));
        return client;
    }
}
