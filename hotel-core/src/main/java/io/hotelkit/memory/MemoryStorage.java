package io.hotelkit.memory;

import io.hotelkit.Storage;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.billing.Invoices;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.Payments;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.Guests;
import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.NightAllowance;
import io.hotelkit.inventory.NightAllowances;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.ChannelRef;

import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything kept in memory, thread-safe and transactional: for embedding, tests, demos and benchmarks.
 * Nothing survives the process.
 */
public final class MemoryStorage implements Storage {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryOutbox outbox = new MemoryOutbox(transactions);
    private final MemoryIdempotencyStore idempotency;
    private final Properties properties = new MemoryProperties();
    private final RoomTypes roomTypes = new MemoryRoomTypes();
    private final NightAllowances nightAllowances = new MemoryNightAllowances();
    private final Rooms rooms = new MemoryRooms();
    private final RatePlans ratePlans = new MemoryRatePlans();
    private final NightlyRates nightlyRates = new MemoryNightlyRates();
    private final Bookings bookings = new MemoryBookings();
    private final Blocks blocks = new MemoryBlocks();
    private final Guests guests = new MemoryGuests();
    private final Folios folios = new MemoryFolios();
    private final ApiKeys apiKeys = new MemoryApiKeys();
    private final Payments payments = new MemoryPayments();
    private final Invoices invoices = new MemoryInvoices();
    private final InvoiceNumbers invoiceNumbers = new MemoryInvoiceNumbers();
    private final LoyaltyAccounts loyaltyAccounts = new MemoryLoyaltyAccounts();

    public MemoryStorage(Clock clock) {
        this.idempotency = new MemoryIdempotencyStore(transactions, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public UnitOfWork transactions() {
        return transactions;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public Properties properties() {
        return properties;
    }

    @Override
    public RoomTypes roomTypes() {
        return roomTypes;
    }

    @Override
    public NightAllowances nightAllowances() {
        return nightAllowances;
    }

    @Override
    public Rooms rooms() {
        return rooms;
    }

    @Override
    public RatePlans ratePlans() {
        return ratePlans;
    }

    @Override
    public NightlyRates nightlyRates() {
        return nightlyRates;
    }

    @Override
    public Bookings bookings() {
        return bookings;
    }

    @Override
    public Blocks blocks() {
        return blocks;
    }

    @Override
    public Guests guests() {
        return guests;
    }

    @Override
    public Folios folios() {
        return folios;
    }

    @Override
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public Payments payments() {
        return payments;
    }

    @Override
    public Invoices invoices() {
        return invoices;
    }

    @Override
    public InvoiceNumbers invoiceNumbers() {
        return invoiceNumbers;
    }

    @Override
    public LoyaltyAccounts loyaltyAccounts() {
        return loyaltyAccounts;
    }

    private static String key(PropertyId propertyId, String code) {
        return propertyId.value() + '/' + code;
    }

    private static String prefix(PropertyId propertyId) {
        return propertyId.value() + '/';
    }

    private final class MemoryProperties implements Properties {
        private final MemoryTable<Property> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<Property> findBy(PropertyId id) {
            return table.get(id.value());
        }

        @Override
        public Optional<Property> findByCode(String code) {
            return table.scan("", property -> property.code().equals(code)).stream().findFirst();
        }

        @Override
        public List<Property> list(@Nullable PropertyId afterId, int limit) {
            return table.scan("", afterId == null ? null : afterId.value(), property -> true, limit);
        }

        @Override
        public Property save(Property property) {
            if (property.version() == 0) {
                findByCode(property.code()).ifPresent(existing -> {
                    throw new DuplicateException("property", property.code(), existing.id().value());
                });
            }
            return table.putVersioned(property.id().value(), property, "property");
        }
    }

    private final class MemoryRoomTypes implements RoomTypes {
        private final MemoryTable<RoomType> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<RoomType> findBy(PropertyId propertyId, String code) {
            return table.get(key(propertyId, code));
        }

        @Override
        public List<RoomType> list(PropertyId propertyId) {
            return table.scan(prefix(propertyId), type -> true);
        }

        @Override
        public RoomType save(RoomType roomType) {
            if (roomType.version() == 0 && findBy(roomType.propertyId(), roomType.code()).isPresent()) {
                throw new DuplicateException("room type", roomType.code(), null);
            }
            return table.putVersioned(key(roomType.propertyId(), roomType.code()), roomType, "room type");
        }
    }

    private final class MemoryNightAllowances implements NightAllowances {
        private final MemoryTable<NightAllowance> table = MemoryTable.ordered(transactions);

        @Override
        public List<NightAllowance> list(PropertyId propertyId) {
            return table.scan(prefix(propertyId), allowance -> true);
        }

        @Override
        public void set(NightAllowance allowance) {
            table.put(key(allowance.propertyId(), allowance.roomType() + '/' + allowance.night()), allowance);
        }

        @Override
        public void clear(PropertyId propertyId, String roomType, LocalDate night) {
            table.put(key(propertyId, roomType + '/' + night), null);
        }
    }

    private final class MemoryRooms implements Rooms {
        private final MemoryTable<Room> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<Room> findBy(PropertyId propertyId, String number) {
            return table.get(key(propertyId, number));
        }

        @Override
        public List<Room> list(PropertyId propertyId) {
            return table.scan(prefix(propertyId), room -> true);
        }

        @Override
        public Room save(Room room) {
            if (room.version() == 0 && findBy(room.propertyId(), room.number()).isPresent()) {
                throw new DuplicateException("room", room.number(), null);
            }
            return table.putVersioned(key(room.propertyId(), room.number()), room, "room");
        }
    }

    private final class MemoryRatePlans implements RatePlans {
        private final MemoryTable<RatePlan> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<RatePlan> findBy(PropertyId propertyId, String code) {
            return table.get(key(propertyId, code));
        }

        @Override
        public List<RatePlan> list(PropertyId propertyId) {
            return table.scan(prefix(propertyId), plan -> true);
        }

        @Override
        public RatePlan save(RatePlan ratePlan) {
            if (ratePlan.version() == 0 && findBy(ratePlan.propertyId(), ratePlan.code()).isPresent()) {
                throw new DuplicateException("rate plan", ratePlan.code(), null);
            }
            return table.putVersioned(key(ratePlan.propertyId(), ratePlan.code()), ratePlan, "rate plan");
        }
    }

    private final class MemoryNightlyRates implements NightlyRates {
        private final MemoryTable<DailyRate> table = MemoryTable.ordered(transactions);

        private String gridPrefix(PropertyId propertyId, String ratePlan, String roomType) {
            return propertyId.value() + '/' + ratePlan + '/' + roomType + '/';
        }

        @Override
        public void put(PropertyId propertyId, String ratePlan, List<DailyRate> rates) {
            for (DailyRate rate : rates) {
                table.put(gridPrefix(propertyId, ratePlan, rate.roomType()) + rate.night(), rate);
            }
        }

        @Override
        public List<DailyRate> find(PropertyId propertyId, String ratePlan, String roomType, DateRange nights) {
            return table.scan(gridPrefix(propertyId, ratePlan, roomType), rate -> nights.contains(rate.night()));
        }

        @Override
        public List<DailyRate> all(PropertyId propertyId, String ratePlan) {
            return table.scan(propertyId.value() + '/' + ratePlan + '/', rate -> true);
        }
    }

    private final class MemoryBookings implements Bookings {
        private final MemoryTable<Booking> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<Booking> findBy(BookingId id) {
            return table.get(id.value());
        }

        @Override
        public List<Booking> list(BookingFilter filter, @Nullable BookingId afterId, int limit) {
            return table.scan("", afterId == null ? null : afterId.value(), filter::matches, limit);
        }

        @Override
        public List<Booking> overlapping(PropertyId propertyId, DateRange nights, @Nullable String roomType) {
            return table.scan("", booking -> booking.propertyId().equals(propertyId)
                    && booking.stay().checkin().isBefore(nights.end()) && nights.start().isBefore(booking.stay().checkout())
                    && (roomType == null || roomType.equals(booking.roomType())));
        }

        @Override
        public Booking save(Booking booking) {
            ChannelRef ref = booking.channel();
            if (booking.version() == 0 && ref != null && !table.scan("", other -> other.propertyId().equals(booking.propertyId())
                    && ref.equals(other.channel()) && other.reservationRoom() == booking.reservationRoom()).isEmpty()) {
                throw new DuplicateException("booking with external ref", ref.toString(), null);
            }
            return table.putVersioned(booking.id().value(), booking, "booking");
        }

        @Override
        public List<Booking> ofReservation(PropertyId propertyId, ReservationId reservationId) {
            return inRoomOrder(table.scan("", booking -> booking.propertyId().equals(propertyId)
                    && reservationId.equals(booking.reservationId())));
        }

        @Override
        public List<Booking> withChannelRef(PropertyId propertyId, ChannelRef ref) {
            return inRoomOrder(table.scan("", booking -> booking.propertyId().equals(propertyId) && ref.equals(booking.channel())));
        }

        private static List<Booking> inRoomOrder(List<Booking> rooms) {
            return rooms.stream().sorted(java.util.Comparator.comparingInt(Booking::reservationRoom)).toList();
        }
    }

    private final class MemoryBlocks implements Blocks {
        private final MemoryTable<Block> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<Block> findBy(PropertyId propertyId, String code) {
            return table.get(key(propertyId, code));
        }

        @Override
        public List<Block> list(PropertyId propertyId) {
            return table.scan(prefix(propertyId), block -> true);
        }

        @Override
        public Block save(Block block) {
            if (block.version() == 0 && findBy(block.propertyId(), block.code()).isPresent()) {
                throw new DuplicateException("block", block.code(), null);
            }
            return table.putVersioned(key(block.propertyId(), block.code()), block, "block");
        }
    }

    private final class MemoryGuests implements Guests {
        private final MemoryTable<Guest> table = MemoryTable.ordered(transactions);
        private final MemoryTable<GuestId> byEmail = MemoryTable.keyed(transactions);

        @Override
        public Optional<Guest> findBy(GuestId id) {
            return table.get(id.value());
        }

        @Override
        public Optional<Guest> findByEmail(String email) {
            return byEmail.get(Guest.normalizeEmail(email)).flatMap(this::findBy);
        }

        @Override
        public List<Guest> search(@Nullable String email, @Nullable String name, @Nullable GuestId afterId, int limit) {
            String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
            return table.scan("", afterId == null ? null : afterId.value(), guest -> !guest.isErased()
                    && (email == null || email.equals(guest.email()))
                    && (needle == null || guest.name().toLowerCase(Locale.ROOT).contains(needle)), limit);
        }

        @Override
        public Guest save(Guest guest) {
            Optional<Guest> stored = findBy(guest.id());
            if (guest.email() != null) {
                byEmail.get(guest.email()).filter(owner -> !owner.equals(guest.id())).ifPresent(owner -> {
                    throw new DuplicateException("guest with email", "(redacted)", owner.value());
                });
            }
            Guest saved = table.putVersioned(guest.id().value(), guest, "guest");
            stored.map(Guest::email).filter(old -> !old.equals(guest.email())).ifPresent(old -> byEmail.put(old, null));
            if (guest.email() != null) {
                byEmail.put(guest.email(), guest.id());
            }
            return saved;
        }
    }

    private final class MemoryFolios implements Folios {
        private final MemoryTable<Folio> table = MemoryTable.keyed(transactions);

        @Override
        public Optional<Folio> findBy(BookingId bookingId) {
            return table.get(bookingId.value());
        }

        @Override
        public Folio save(Folio folio) {
            return table.putVersioned(folio.bookingId().value(), folio, "folio");
        }
    }

    private final class MemoryApiKeys implements ApiKeys {
        private final MemoryTable<ApiKey> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<ApiKey> findByHash(String hash) {
            return table.scan("", key -> key.hash().equals(hash)).stream().findFirst();
        }

        @Override
        public Optional<ApiKey> findBy(String id) {
            return table.get(id);
        }

        @Override
        public List<ApiKey> list() {
            return table.scan("", key -> true);
        }

        @Override
        public boolean any() {
            return !table.scan("", null, key -> true, 1).isEmpty();
        }

        @Override
        public void save(ApiKey apiKey) {
            table.put(apiKey.id(), apiKey);
        }
    }

    private final class MemoryPayments implements Payments {
        private final MemoryTable<Payment> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<Payment> findBy(PaymentId id) {
            return table.get(id.value());
        }

        @Override
        public List<Payment> ofBooking(BookingId bookingId) {
            return table.scan("", payment -> payment.bookingId().equals(bookingId));
        }

        @Override
        public Payment save(Payment payment) {
            return table.putVersioned(payment.id().value(), payment, "payment");
        }
    }

    private final class MemoryInvoices implements Invoices {
        private final MemoryTable<Invoice> table = MemoryTable.ordered(transactions);

        @Override
        public Optional<Invoice> findBy(InvoiceId id) {
            return table.get(id.value());
        }

        @Override
        public List<Invoice> list(PropertyId propertyId, @Nullable InvoiceId afterId, int limit) {
            return table.scan("", afterId == null ? null : afterId.value(), invoice -> invoice.propertyId().equals(propertyId), limit);
        }

        @Override
        public List<Invoice> ofBooking(BookingId bookingId) {
            return table.scan("", invoice -> invoice.bookingId().equals(bookingId));
        }

        @Override
        public void add(Invoice invoice) {
            if (table.get(invoice.id().value()).isPresent()) {
                throw new IllegalStateException("invoice " + invoice.number() + " is issued; an issued invoice never changes");
            }
            table.put(invoice.id().value(), invoice);
        }
    }

    private final class MemoryInvoiceNumbers implements InvoiceNumbers {
        private final MemoryTable<Long> table = MemoryTable.keyed(transactions);

        @Override
        public long next(PropertyId propertyId, int year) {
            String series = key(propertyId, String.valueOf(year));
            long next = table.get(series).orElse(0L) + 1;
            table.put(series, next);
            return next;
        }
    }

    private final class MemoryLoyaltyAccounts implements LoyaltyAccounts {
        private final MemoryTable<LoyaltyAccount> table = MemoryTable.keyed(transactions);

        @Override
        public Optional<LoyaltyAccount> findBy(GuestId guestId) {
            return table.get(guestId.value());
        }

        @Override
        public LoyaltyAccount save(LoyaltyAccount account) {
            return table.putVersioned(account.guestId().value(), account, "loyalty account");
        }
    }
}
