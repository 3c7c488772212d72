package io.hotelkit.forecast;

import io.hotelkit.shared.PropertyId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Each property's current cancellation model: loaded from the {@link ModelStore} on first use (so a
 * restart serves the last model trained), replaced when a training finishes. Training runs on a thread of
 * its own, one at a time, and never in the caller's: {@link #train} returns at once.
 */
public final class ForecastService implements AutoCloseable {

    private final ModelStore store;
    private final CancellationTrainer trainer;
    private final Clock clock;
    private final ExecutorService training = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotelkit-forecast-training");
        t.setDaemon(true);
        return t;
    });
    private final Map<PropertyId, Optional<CancellationModel>> current = new ConcurrentHashMap<>();
    private final Map<PropertyId, CompletableFuture<CancellationModel>> running = new ConcurrentHashMap<>();
    private final Map<PropertyId, String> failures = new ConcurrentHashMap<>();

    public ForecastService(ModelStore store, CancellationTrainer trainer, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The property's model, if one was ever trained. */
    public Optional<CancellationModel> model(PropertyId propertyId) {
        return current.computeIfAbsent(propertyId, store::latest);
    }

    /**
     * Trains a new model in the background from the bookings {@code history} gives (read on the training
     * thread), stores it and makes it current. A training already running for the property is returned
     * instead of starting another.
     */
    public CompletableFuture<CancellationModel> train(PropertyId propertyId, Supplier<List<LabelledBooking>> history) {
        return running.compute(propertyId, (p, existing) -> existing != null && !existing.isDone() ? existing
                : CompletableFuture.supplyAsync(() -> {
                    long version = model(p).map(CancellationModel::version).orElse(0L) + 1;
                    CancellationModel model = trainer.train(history.get(), version, clock.instant());
                    store.save(p, model);
                    current.put(p, Optional.of(model));
                    failures.remove(p);
                    return model;
                }, training).whenComplete((model, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        failures.put(p, String.valueOf(cause.getMessage()));
                    }
                }));
    }

    /** Why the property's last training failed (too few bookings, say), if it did. */
    public Optional<String> lastFailure(PropertyId propertyId) {
        return Optional.ofNullable(failures.get(propertyId));
    }

    /** Whether a training of the property is under way. */
    public boolean training(PropertyId propertyId) {
        CompletableFuture<CancellationModel> job = running.get(propertyId);
        return job != null && !job.isDone();
    }

    @Override
    public void close() throws InterruptedException {
        training.shutdownNow();
        training.awaitTermination(10, TimeUnit.SECONDS);
    }
}
