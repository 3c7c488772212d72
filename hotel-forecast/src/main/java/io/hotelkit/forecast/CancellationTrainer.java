package io.hotelkit.forecast;

import io.hotelkit.forecast.Features.Encodings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.jspecify.annotations.Nullable;

/**
 * Trains a {@link CancellationModel} with XGBoost (gradient-boosted trees, logistic loss) on a property's
 * past bookings. Single-threaded and seeded, so that the same bookings and config give the same model,
 * byte for byte. Slow (seconds for tens of thousands of bookings): run it in the background, as
 * {@link ForecastService} does.
 */
public final class CancellationTrainer {

    private final TrainingConfig config;

    public CancellationTrainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * @param version the new model's version
     * @throws IllegalArgumentException with fewer bookings than the config's minimum, or only one outcome
     */
    public CancellationModel train(List<LabelledBooking> bookings, long version, Instant at) {
        if (bookings.size() < config.minBookings()) {
            throw new IllegalArgumentException(
                    "a model needs at least " + config.minBookings() + " past bookings, and there are " + bookings.size());
        }
        int n = bookings.size();
        boolean[] cancelled = new boolean[n];
        List<String> roomTypes = new ArrayList<>(n);
        List<String> ratePlans = new ArrayList<>(n);
        List<@Nullable String> sources = new ArrayList<>(n);
        int positives = 0;
        for (int i = 0; i < n; i++) {
            LabelledBooking b = bookings.get(i);
            cancelled[i] = b.cancelled();
            positives += b.cancelled() ? 1 : 0;
            roomTypes.add(b.snapshot().roomType());
            ratePlans.add(b.snapshot().ratePlan());
            sources.add(b.snapshot().source());
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("a model needs past bookings both cancelled and kept");
        }
        Encodings encodings = encodings(roomTypes, ratePlans, sources, cancelled, -1);
        // A booking's own outcome must not reach its features: the rates its categories are encoded with
        // come from the other folds (out-of-fold target encoding; leaving out one booking alone would leak
        // its label through the rate).
        Encodings[] folds = new Encodings[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            folds[f] = encodings(roomTypes, ratePlans, sources, cancelled, f);
        }
        int width = Features.NAMES.size();
        float[] matrix = new float[n * width];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(Features.of(bookings.get(i).snapshot(), folds[i % FOLDS]), 0, matrix, i * width, width);
            labels[i] = cancelled[i] ? 1 : 0;
        }
        try {
            DMatrix train = new DMatrix(matrix, n, width, Float.NaN);
            try {
                train.setLabel(labels);
                Booster booster = XGBoost.train(train, params(), config.rounds(), new HashMap<>(), null, null);
                byte[] trees = booster.toByteArray("ubj");
                booster.dispose();
                return new CancellationModel(version, at, encodings, trees);
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
        }
    }

    private static final int FOLDS = 5;

    /** The encodings learned from every booking but those of fold {@code except} (-1: from all). */
    private static Encodings encodings(List<String> roomTypes, List<String> ratePlans, List<@Nullable String> sources,
            boolean[] cancelled, int except) {
        List<String> r = new ArrayList<>();
        List<String> p = new ArrayList<>();
        List<@Nullable String> s = new ArrayList<>();
        boolean[] c = new boolean[cancelled.length];
        int m = 0;
        for (int i = 0; i < cancelled.length; i++) {
            if (except >= 0 && i % FOLDS == except) {
                continue;
            }
            r.add(roomTypes.get(i));
            p.add(ratePlans.get(i));
            s.add(sources.get(i));
            c[m++] = cancelled[i];
        }
        boolean[] kept = java.util.Arrays.copyOf(c, m);
        return new Encodings(Encoding.learn(r, kept), Encoding.learn(p, kept), Encoding.learn(s, kept), m);
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "auc");
        params.put("tree_method", "hist");
        params.put("max_depth", config.maxDepth());
        params.put("eta", config.learningRate());
        params.put("subsample", 0.9);
        params.put("colsample_bytree", 0.9);
        params.put("min_child_weight", 2);
        params.put("seed", config.seed());
        params.put("nthread", 1);
        params.put("verbosity", 0);
        return params;
    }
}
