package io.hotelkit;

import io.hotelkit.availability.Availability;
import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.availability.EngineView;
import io.hotelkit.availability.IndexMark;
import io.hotelkit.availability.AvailabilitySearch;
import io.hotelkit.spi.BlockHold;
import io.hotelkit.spi.Claim;
import io.hotelkit.billing.CityLedger;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.PaymentService;
import io.hotelkit.billing.SimulatedPaymentGateway;
import io.hotelkit.guests.GuestService;
import io.hotelkit.guests.Loyalty;
import io.hotelkit.guests.LoyaltyProgram;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryCache;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.operations.NightAudit;
import io.hotelkit.privacy.PersonalData;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RateService;
import io.hotelkit.reporting.FinanceReports;
import io.hotelkit.reporting.Reports;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.BlockService;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingService;
import io.hotelkit.reservations.ReservationService;
import io.hotelkit.reservations.Cancellations;
import io.hotelkit.reservations.FolioCharges;
import io.hotelkit.reservations.FolioWindows;
import io.hotelkit.reservations.FrontDesk;
import io.hotelkit.shared.Cache;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A hotel (or a chain of them): the domain's services wired to a {@link Storage}. The entry point of the
 * library.
 *
 * <pre>{@code
 * Hotel hotel = Hotel.inMemory(Clock.systemUTC());
 * Property lisbon = hotel.inventory().createProperty(...);
 * Availability offers = hotel.availability().search(AvailabilityQuery.of(lisbon.id(), stay, Occupancy.adults(2)));
 * Booking booking = hotel.bookings().book(request, null);
 * }</pre>
 *
 * <p>Building a hotel loads every property's inventory into the availability engine, so a hotel on a
 * database starts where the database is.
 */
public final class Hotel {

    private final Storage storage;
    private final AvailabilityEngine engine;
    private final InventoryService inventory;
    private final RateService rates;
    private final AvailabilitySearch availability;
    private final GuestService guests;
    private final BookingService bookings;
    private final FrontDesk frontDesk;
    private final Cancellations cancellations;
    private final ReservationService reservations;
    private final FolioCharges folioCharges;
    private final FolioWindows folioWindows;
    private final CityLedger cityLedger;
    private final BlockService blocks;
    private final Loyalty loyalty;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final NightAudit nightAudit;
    private final Reports reports;
    private final FinanceReports financeReports;
    private final PersonalData personalData;
    private final Events events;
    private final Idempotency idempotency;
    private final Clock clock;
    private static final int MAX_DEFERRALS = 5;
    private long followed;
    private final Map<PropertyId, Integer> stale = new LinkedHashMap<>();
    private final LocalWrites localWrites = new LocalWrites();
    /** Per property, the engine's version known to hold its stored state as of an outbox position. */
    private final Map<PropertyId, Settled> settled = new ConcurrentHashMap<>();
    /** Properties asked for by {@link #positionAt} that it could not answer: settled by the next catch-up. */
    private final Set<PropertyId> unsettled = ConcurrentHashMap.newKeySet();
    /** Per property, the position of its newest event this hotel has followed; guarded by {@code this}. */
    private final Map<PropertyId, Long> lastPositions = new HashMap<>();

    /** The engine's index of a property at {@code version} holds the stored state as of outbox {@code position}. */
    private record Settled(long version, long position) {}

    private Hotel(Builder builder) {
        this.storage = Objects.requireNonNull(builder.storage, "storage");
        // microseconds: what every store keeps, so an instant reads back as it was written
        this.clock = Clock.tick(builder.clock, Duration.ofNanos(1_000));
        IdGenerator ids = builder.ids != null ? builder.ids : Ids.timeOrdered(clock);
        this.engine = builder.engine != null ? builder.engine : new AvailabilityEngine();
        UnitOfWork transactions = localWrites.transactions(storage.transactions());
        this.events = new Events(localWrites.outbox(storage.outbox()), clock, ids, builder.actor);
        this.idempotency = new Idempotency(storage.idempotency(), transactions);
        this.inventory = new InventoryService(storage.properties(), storage.roomTypes(), storage.nightAllowances(), storage.rooms(),
                transactions, engine, events, ids, clock);
        this.rates = new RateService(storage.properties(), storage.roomTypes(), storage.ratePlans(), storage.nightlyRates(),
                transactions, engine, events);
        this.availability = new AvailabilitySearch(storage.properties(), engine, builder.offerCache);
        this.guests = new GuestService(storage.guests(), transactions, idempotency, events, ids, clock);
        this.loyalty = new Loyalty(storage.loyaltyAccounts(), storage.guests(), builder.loyaltyProgram, transactions,
                events, clock);
        this.bookings = new BookingService(storage.properties(), storage.rooms(), storage.bookings(), storage.blocks(),
                storage.folios(), guests, transactions, idempotency, engine, events, ids, clock);
        this.payments = new PaymentService(storage.properties(), storage.folios(), storage.payments(), builder.paymentGateway,
                loyalty, transactions, idempotency, events, ids, clock);
        this.invoices = new InvoiceService(storage.properties(), storage.folios(), storage.companies(), storage.invoices(),
                storage.invoiceNumbers(), storage.payments(), storage.guests(), transactions, idempotency, events, ids, clock);
        this.frontDesk = new FrontDesk(storage.properties(), storage.rooms(), storage.bookings(), storage.folios(), storage.companies(),
                invoices, loyalty, transactions, engine, events, ids, clock);
        this.cancellations = new Cancellations(storage.properties(), storage.bookings(), storage.folios(),
                transactions, engine, events, ids, clock);
        this.reservations = new ReservationService(bookings, cancellations, storage.bookings(), storage.ratePlans(),
                transactions, ids);
        this.folioCharges = new FolioCharges(storage.properties(), storage.bookings(), storage.folios(), storage.companies(),
                idempotency, events, ids, clock);
        this.folioWindows = new FolioWindows(storage.properties(), storage.bookings(), storage.folios(), storage.companies(),
                transactions, idempotency, events, ids, clock);
        this.cityLedger = new CityLedger(storage.properties(), storage.companies(), storage.folios(), transactions, idempotency,
                events, ids, clock);
        this.financeReports = new FinanceReports(storage.properties(), storage.bookings(), storage.folios(), storage.payments(),
                cityLedger);
        this.blocks = new BlockService(storage.properties(), storage.roomTypes(), storage.ratePlans(), storage.blocks(),
                transactions, engine, events);
        this.nightAudit = new NightAudit(storage.properties(), storage.bookings(), storage.folios(), storage.companies(), cancellations, blocks,
                transactions, engine, events, ids, clock);
        this.reports = new Reports(storage.properties(), storage.rooms(), storage.bookings(), storage.roomTypes(),
                storage.nightAllowances(), engine);
        this.personalData = new PersonalData(storage.guests(), storage.bookings(), storage.folios(), storage.payments(),
                storage.invoices(), storage.loyaltyAccounts(), transactions, events, clock);
        loadEngine();
    }

    /** A hotel kept in memory, on the system clock. */
    public static Hotel inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** A hotel kept in memory, on {@code clock}. */
    public static Hotel inMemory(Clock clock) {
        return builder().clock(clock).storage(new MemoryStorage(clock)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public InventoryService inventory() {
        return inventory;
    }

    public RateService rates() {
        return rates;
    }

    public AvailabilitySearch availability() {
        return availability;
    }

    public GuestService guests() {
        return guests;
    }

    /** Booking, changing and reading bookings. */
    public BookingService bookings() {
        return bookings;
    }

    /** Room assignment, check-in and check-out. */
    public FrontDesk frontDesk() {
        return frontDesk;
    }

    /** Cancelling bookings and marking no-shows, with the policy's fees. */
    /** Several rooms booked together, and channel bookings by the channel's reference. */
    public ReservationService reservations() {
        return reservations;
    }

    public Cancellations cancellations() {
        return cancellations;
    }

    /** A booking's folio and the extras charged to it. */
    public FolioCharges folioCharges() {
        return folioCharges;
    }

    /** A booking's folio windows, their routing, moving charges and correcting lines. */
    public FolioWindows folioWindows() {
        return folioWindows;
    }

    /** Companies and travel agents billed on account: their accounts receivable, payments and ageing. */
    public CityLedger cityLedger() {
        return cityLedger;
    }

    public BlockService blocks() {
        return blocks;
    }

    public Loyalty loyalty() {
        return loyalty;
    }

    public PaymentService payments() {
        return payments;
    }

    public InvoiceService invoices() {
        return invoices;
    }

    public NightAudit nightAudit() {
        return nightAudit;
    }

    public Reports reports() {
        return reports;
    }

    /** The books of a business date: the finance report and the journal. */
    public FinanceReports financeReports() {
        return financeReports;
    }

    public PersonalData personalData() {
        return personalData;
    }

    /**
     * The availability engine's questions, for what the services do not cover (free rooms, memory use):
     * a read-only view, since the engine must change only with storage, through the services.
     */
    public EngineView engine() {
        return engine.readOnly();
    }

    /**
     * The idempotency layer the services run their creating requests through, for an embedder's own
     * requests around them (the reference server's {@code Idempotency-Key} header): a service called with
     * the key of the request that runs records nothing of its own, so a key has one record.
     */
    public Idempotency idempotency() {
        return idempotency;
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Catches the availability engine up with changes other processes (other server instances on the same
     * database) made: every property that the outbox shows was changed elsewhere since the last call is
     * loaded again from storage. Call it now and then (a server does, every second or on a database
     * notification); a process that is the only writer never needs it.
     *
     * <p>A property with changes of this process in flight is loaded on a later call, so that loading
     * never loses a change; after {@value #MAX_DEFERRALS} calls it is loaded anyway.
     *
     * @return the properties loaded again
     */
    public synchronized Set<PropertyId> catchUp() {
        // Settling (see positionAt) compares each asked-for property before and after the round.
        Map<PropertyId, IndexMark> before = new HashMap<>();
        for (PropertyId id : List.copyOf(unsettled)) {
            unsettled.remove(id);
            if (!localWrites.open(id)) {
                before.put(id, engine.mark(id));
            }
        }
        for (List<Outbox.StoredEvent> page = storage.outbox().readAfter(followed, 1_000); !page.isEmpty();
                page = storage.outbox().readAfter(followed, 1_000)) {
            for (Outbox.StoredEvent stored : page) {
                DomainEvent event = stored.event();
                if (event.propertyId() != null) {
                    if (!events.recordedHere(event.id())) {
                        stale.putIfAbsent(event.propertyId(), 0);
                    }
                    lastPositions.computeIfPresent(event.propertyId(), (id, last) -> Math.max(last, stored.position()));
                }
                followed = stored.position();
            }
        }
        Set<PropertyId> loaded = new LinkedHashSet<>();
        for (PropertyId id : List.copyOf(stale.keySet())) {
            int deferrals = stale.get(id);
            IndexMark mark = deferrals >= MAX_DEFERRALS ? IndexMark.FORCE : engine.mark(id);
            Property property = storage.properties().findBy(id).orElse(null);
            if (property == null) {
                stale.remove(id);
            } else if (!(mark instanceof IndexMark.Busy) && load(property, mark)) {
                stale.remove(id);
                loaded.add(id);
            } else {
                stale.put(id, deferrals + 1);
            }
        }
        before.forEach((id, mark) -> settle(id, mark, loaded));
        return loaded;
    }

    /**
     * Records that the engine's index of the property holds its stored state as of the newest event of it
     * this round followed, if this round shows it: the index was not loaded in this round nor is waiting to
     * be (so every other process's change it holds was read by this round: a load reads the store after
     * the round before it, and whatever it read beyond that round this one has followed and would have
     * marked stale), it did not change during the round and has nothing in flight, and no change of this
     * process was open at the round's start or end (so every change of this process the index holds had
     * committed, its event read by this round, and every one of its events this round read is in the index).
     */
    private void settle(PropertyId id, IndexMark before, Set<PropertyId> loaded) {
        if (!(before instanceof IndexMark.At at) || !before.equals(engine.mark(id)) || localWrites.open(id)
                || loaded.contains(id) || stale.containsKey(id)) {
            return;
        }
        long position = lastPositions.computeIfAbsent(id, property -> storage.outbox().lastPosition(property, followed));
        settled.put(id, new Settled(at.version(), position));
    }

    /**
     * The outbox position of the property's newest event, if this hotel's engine, at {@code engineVersion}
     * of the property ({@link EngineView#version}), is known to hold exactly the property's stored state as of
     * that event, and still is at that version: the same number for the same state in every process on the
     * same storage, so it can key what processes share (the server's rendered availability answers in
     * Redis). Empty while the property has a change in flight, or one of another process this hotel has
     * not caught up with, or has changed since the last {@link #catchUp}: that call (which every server
     * instance makes on every change another makes, and before requests) settles it again.
     */
    public OptionalLong positionAt(PropertyId propertyId, long engineVersion) {
        Settled known = settled.get(propertyId);
        if (known != null && known.version() == engineVersion
                && engine.mark(propertyId) instanceof IndexMark.At at && at.version() == engineVersion) {
            return OptionalLong.of(known.position());
        }
        unsettled.add(propertyId);
        return OptionalLong.empty();
    }

    /** Loads one property into the availability engine again from storage, whatever it has. */
    public void reload(PropertyId propertyId) {
        storage.properties().findBy(propertyId).ifPresent(property -> load(property, IndexMark.FORCE));
    }

    private void loadEngine() {
        followed = storage.outbox().lastPosition();
        PropertyId after = null;
        List<Property> page;
        do {
            page = storage.properties().list(after, 500);
            page.forEach(property -> load(property, IndexMark.FORCE));
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == 500);
    }

    private boolean load(Property property, IndexMark mark) {
        PropertyId id = property.id();
        List<RatePlan> plans = storage.ratePlans().list(id);
        Map<String, List<DailyRate>> grids = new LinkedHashMap<>();
        plans.stream().filter(plan -> !plan.isDerived())
                .forEach(plan -> grids.put(plan.code(), storage.nightlyRates().all(id, plan.code())));
        List<BlockHold> holds = storage.blocks().list(id).stream().map(Block::hold).toList();
        DateRange ahead = DateRange.of(property.businessDate(), property.businessDate().plusYears(10));
        List<Claim> claims = storage.bookings().overlapping(id, ahead, null).stream()
                .map(Booking::claim)
                .filter(Objects::nonNull)
                .toList();
        return engine.load(mark, property, storage.roomTypes().list(id), storage.rooms().list(id), plans, grids, holds, claims,
                storage.nightAllowances().list(id));
    }

    /** Builds a hotel from its adapters; only the storage is required. */
    public static final class Builder {
        private @Nullable Storage storage;
        private Clock clock = Clock.systemUTC();
        private @Nullable IdGenerator ids;
        private Supplier<String> actor = () -> "system";
        private Cache<AvailabilitySearch.CacheKey, Availability> offerCache = new MemoryCache<>(10_000);
        private @Nullable PaymentGateway paymentGateway;
        private LoyaltyProgram loyaltyProgram = LoyaltyProgram.DEFAULT;
        private @Nullable AvailabilityEngine engine;

        private Builder() {}

        /**
         * The engine the hotel keeps in step with storage (default: a new one). Only for benchmarks and tests
         * that must drive the engine itself (a sale without a booking, a change held in flight): whoever holds
         * it can put it out of step with storage, which {@link Hotel#engine()} does not allow.
         */
        public Builder engine(AvailabilityEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Who is acting, asked for every change: the server answers with the calling API key's id. */
        public Builder actor(Supplier<String> actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        public Builder offerCache(Cache<AvailabilitySearch.CacheKey, Availability> cache) {
            this.offerCache = Objects.requireNonNull(cache, "offer cache");
            return this;
        }

        /**
         * The card payment gateway, called as it is: time limits, retries and a circuit breaker around a remote
         * gateway are the embedder's to add (the reference server wraps its HTTP adapter in resilience4j's).
         * Without one, an in-process {@link SimulatedPaymentGateway} captures the test tokens.
         */
        public Builder paymentGateway(PaymentGateway gateway) {
            this.paymentGateway = Objects.requireNonNull(gateway, "payment gateway");
            return this;
        }

        public Builder loyaltyProgram(LoyaltyProgram program) {
            this.loyaltyProgram = Objects.requireNonNull(program, "loyalty program");
            return this;
        }

        public Hotel build() {
            if (storage == null) {
                throw new IllegalStateException("a hotel needs a storage: call storage(...) before build()");
            }
            if (paymentGateway == null) {
                paymentGateway = SimulatedPaymentGateway.reliable();
            }
            return new Hotel(this);
        }
    }
}
