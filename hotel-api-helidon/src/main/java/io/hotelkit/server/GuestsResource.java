package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.GuestChanges;
import io.hotelkit.guests.GuestService;
import io.hotelkit.guests.Loyalty;
import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.privacy.PersonalData;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.DuplicateException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/guests}: guest profiles, found by email or name; a guest's export (the right of access) and
 * erasure, which keeps bookings and invoices, anonymised, for the books; and the loyalty account.
 *
 * <p>Guest profiles are the chain's, but a key scoped to some properties reaches only the guests known at
 * one of them ({@link GuestScope}); any other guest is 404 to it, and its export holds only its own
 * properties' bookings, folios, payments and invoices.
 */
final class GuestsResource implements HttpService {

    /** The most guests one page of a scoped key's search looks at (see {@link Page.Request#filtered}). */
    static final int MAX_SCAN = 500;

    private final GuestService guests;
    private final GuestScope scope;
    private final PersonalData personalData;
    private final Loyalty loyalty;
    private final InvoiceService invoices;
    private final Idempotent idempotent;

    GuestsResource(GuestService guests, GuestScope scope, PersonalData personalData, Loyalty loyalty,
                   InvoiceService invoices, Idempotent idempotent) {
        this.guests = guests;
        this.scope = scope;
        this.personalData = personalData;
        this.loyalty = loyalty;
        this.invoices = invoices;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.REGISTER_GUEST, NewGuestBody.class, idempotent.creating(this::register))
                .handle(Route.SEARCH_GUESTS, this::search)
                .handle(Route.GET_GUEST, this::get)
                .handle(Route.UPDATE_GUEST, Changes.class, this::update)
                .handle(Route.ERASE_GUEST, this::erase)
                .handle(Route.EXPORT_GUEST, this::export)
                .handle(Route.GET_LOYALTY, this::loyalty));
    }

    record NewGuestBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Nullable @Size(min = 3, max = 32) String phone,
            @Nullable @Pattern(regexp = "[A-Z]{2}") String nationality,
            @Nullable Map<String, Object> preferences,
            @Nullable Boolean loyaltyOptIn) {}

    /** What is given changes; what is left out stays. Preferences are replaced whole. */
    record Changes(
            @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Email @Size(min = 3, max = 254) String email,
            @Nullable @Size(min = 3, max = 32) String phone,
            @Nullable @Pattern(regexp = "[A-Z]{2}") String nationality,
            @Nullable Map<String, Object> preferences,
            @Nullable Boolean loyaltyOptIn) {}

    /** Everything held about a guest. */
    record Export(Views.GuestView guest, Views.Loyalty loyalty, List<Views.BookingView> bookings,
                  List<Views.FolioView> folios, List<Views.PaymentView> payments, List<Views.InvoiceView> invoices) {}

    /** Registered at the caller's properties; an e-mail taken by a guest out of its reach is told without the guest's id. */
    private Reply register(ServerRequest req, NewGuestBody body) {
        Caller caller = Caller.of(req);
        Guest guest;
        try {
            guest = guests.register(new NewGuest(body.name(), body.email(), body.phone(), body.nationality(),
                    body.preferences(), Boolean.TRUE.equals(body.loyaltyOptIn())), caller.apiKey().propertyIds(),
                    Idempotent.key(req));
        } catch (DuplicateException taken) {
            throw scope.withinReach(caller, taken);
        }
        return Reply.created("/v1/guests/" + guest.id().value(), Views.GuestView.of(guest));
    }

    /** Guests by exact email and a part of the name, each if given, in id order; erased guests are never found. */
    private Reply search(ServerRequest req) {
        String email = Params.query(req, "email").orElse(null);
        String name = Params.query(req, "name").orElse(null);
        Page.Fetch<Guest> found = (after, limit) -> guests.search(email, name, after == null ? null : GuestId.of(after), limit);
        Caller caller = Caller.of(req);
        Page.Request page = Page.Request.of(req);
        Page<Guest> guestsPage = caller.apiKey().allProperties() ? page.fetch(found, (Guest g) -> g.id().value())
                : page.filtered(found, (Guest g) -> g.id().value(), guest -> scope.reaches(caller, guest.id()), MAX_SCAN);
        return Reply.ok(guestsPage.map(Views.GuestView::of));
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.GuestView.of(guests.guest(visibleGuest(req))));
    }

    private Reply update(ServerRequest req, Changes body) {
        return Reply.ok(Views.GuestView.of(guests.update(visibleGuest(req), new GuestChanges(body.name(), body.email(),
                body.phone(), body.nationality(), body.preferences(), body.loyaltyOptIn()))));
    }

    /** Erases what names the guest; erasing again changes nothing. */
    private Reply erase(ServerRequest req) {
        return Reply.ok(Views.GuestView.of(personalData.erase(visibleGuest(req))));
    }

    private Reply export(ServerRequest req) {
        Caller caller = Caller.of(req);
        PersonalData.Export export = personalData.export(visibleGuest(req));
        return Reply.ok(new Export(Views.GuestView.of(export.guest()), loyaltyOf(export.loyalty()),
                export.bookings().stream().filter(b -> caller.mayAccess(b.propertyId())).map(Views.BookingView::of).toList(),
                export.folios().stream().filter(f -> caller.mayAccess(f.propertyId())).map(Views.FolioView::of).toList(),
                export.payments().stream().filter(p -> caller.mayAccess(p.propertyId())).map(Views.PaymentView::of).toList(),
                export.invoices().stream().filter(i -> caller.mayAccess(i.propertyId()))
                        .map(invoice -> Views.InvoiceView.of(invoice, invoices)).toList()));
    }

    private Reply loyalty(ServerRequest req) {
        GuestId id = visibleGuest(req);
        guests.guest(id);
        return Reply.ok(loyaltyOf(loyalty.account(id)));
    }

    /** The guest of the path, if the caller reaches it; else 404, as if there were none. */
    private GuestId visibleGuest(ServerRequest req) {
        return scope.require(Caller.of(req), Params.guest(req));
    }

    private Views.Loyalty loyaltyOf(LoyaltyAccount account) {
        return Views.Loyalty.of(account, loyalty.program().tierOf(account.points()));
    }
}
