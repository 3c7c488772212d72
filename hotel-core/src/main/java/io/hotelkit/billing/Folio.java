package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One window of a booking's account: its charges, payments and refunds. The balance is always the sum of the
 * lines; lines are only ever added, never changed or removed.
 *
 * <p>A booking has window {@link #GUEST_WINDOW} from the moment it is made, billed to its guest; more windows
 * may be opened, each billed to a {@link Payer}, and each may take charges of some kinds by its
 * {@linkplain #routes() routing rules}. The folio of a booking, without a window number, is window 1.
 *
 * @param window the window's number within the booking, 1 to {@value #MAX_WINDOWS}
 * @param routes what this window takes instead of window 1 (empty for window 1, which takes the rest)
 */
public record Folio(BookingId bookingId, PropertyId propertyId, GuestId guestId, Currency currency, List<FolioLine> lines, long version,
        int window, Payer payer, List<RoutingRule> routes)
        implements Versioned<Folio> {

    /** The guest's own window: the one every booking has, and the one charges go to unless routed. */
    public static final int GUEST_WINDOW = 1;
    public static final int MAX_WINDOWS = 8;

    public Folio {
        Objects.requireNonNull(bookingId, "booking id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(guestId, "guest id");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        lines.forEach(line -> line.amount().requireCurrency(currency));
        if (window < 1 || window > MAX_WINDOWS) {
            throw new IllegalArgumentException("a folio window is numbered 1 to " + MAX_WINDOWS + ": " + window);
        }
        Objects.requireNonNull(payer, "payer");
        routes = List.copyOf(routes);
        if (window == GUEST_WINDOW && (payer.kind() != Payer.Kind.GUEST || !routes.isEmpty())) {
            throw new IllegalArgumentException("window 1 is the guest's, and takes what no other window is routed");
        }
    }

    /** The guest's window (window 1) as it was before windows: billed to the guest, routed nothing. */
    public Folio(BookingId bookingId, PropertyId propertyId, GuestId guestId, Currency currency, List<FolioLine> lines, long version) {
        this(bookingId, propertyId, guestId, currency, lines, version, GUEST_WINDOW, Payer.guest(), List.of());
    }

    public static Folio open(BookingId bookingId, PropertyId propertyId, GuestId guestId, Currency currency) {
        return new Folio(bookingId, propertyId, guestId, currency, List.of(), 0);
    }

    /** A new, empty window {@code window} of the same booking, billed to {@code payer}. */
    public Folio openWindow(int window, Payer payer) {
        if (window == GUEST_WINDOW) {
            throw new IllegalArgumentException("window 1 is the guest's and is open already");
        }
        return new Folio(bookingId, propertyId, guestId, currency, List.of(), 0, window, payer, List.of());
    }

    /** This window taking exactly {@code newRoutes}. */
    public Folio withRoutes(List<RoutingRule> newRoutes) {
        return new Folio(bookingId, propertyId, guestId, currency, lines, version, window, payer, newRoutes);
    }

    /** Whether charges on this window go to a company's account (not to the guest or another person). */
    public boolean billsCompany() {
        return payer.kind() == Payer.Kind.COMPANY;
    }

    /** Whether this window takes a charge of {@code kind} (and, for extras, {@code category}). */
    public boolean takes(FolioLineKind kind, @Nullable String category) {
        return routes.stream().anyMatch(rule -> rule.matches(kind, category));
    }

    /** What the guest owes: charges and refunds less payments. */
    public Money balance() {
        return sum(lines);
    }

    /** The sum of the charge lines (room, taxes, extras, fees). */
    public Money charges() {
        return sum(lines.stream().filter(line -> line.kind().isCharge()).toList());
    }

    public boolean hasReference(String reference) {
        return line(reference).isPresent();
    }

    public Optional<FolioLine> line(String reference) {
        return lines.stream().filter(line -> reference.equals(line.reference())).findFirst();
    }

    /**
     * This folio with {@code line} added.
     *
     * @throws IllegalArgumentException if the folio has a line with the same reference
     */
    public Folio post(FolioLine line) {
        line.amount().requireCurrency(currency);
        if (line.reference() != null && hasReference(line.reference())) {
            throw new IllegalArgumentException("folio of booking " + bookingId + " has a line for " + line.reference() + " already");
        }
        List<FolioLine> posted = new ArrayList<>(lines);
        posted.add(line);
        return new Folio(bookingId, propertyId, guestId, currency, posted, version, window, payer, routes);
    }

    /** The line with this id. */
    public Optional<FolioLine> lineById(String lineId) {
        return lines.stream().filter(line -> line.id().equals(lineId)).findFirst();
    }

    /**
     * What is left of a charge line after its corrections on this window: its amount less its void, its
     * move out and its allowances (which are negative lines referencing it).
     */
    public Money remainderOf(FolioLine charge) {
        Money left = charge.amount();
        for (FolioLine line : lines) {
            if (charge.id().equals(line.correctedLineId())) {
                left = left.plus(line.amount());
            }
        }
        return left;
    }

    private Money sum(List<FolioLine> selected) {
        Money total = Money.zero(currency);
        for (FolioLine line : selected) {
            total = total.plus(line.amount());
        }
        return total;
    }

    @Override
    public Folio withVersion(long newVersion) {
        return new Folio(bookingId, propertyId, guestId, currency, lines, newVersion, window, payer, routes);
    }
}
