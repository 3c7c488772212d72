package io.hotelkit.forecast;

import io.hotelkit.forecast.Features.Encodings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained forecast of the chance that a booking is cancelled or does not show, read from its
 * {@link BookingSnapshot}. Immutable and safe to share between threads; {@link #toBytes()} and
 * {@link #fromBytes(byte[])} store and load it whole (encodings and trees).
 */
public final class CancellationModel {

    private static final int MAGIC = 0x484B4346; // "HKCF"
    private static final int FORMAT = 1;

    private final long version;
    private final Instant trainedAt;
    private final int trainedOn;
    private final Encodings encodings;
    private final byte[] trees;
    private final Booster booster;

    CancellationModel(long version, Instant trainedAt, Encodings encodings, byte[] trees) {
        if (version < 1) {
            throw new IllegalArgumentException("a model's version starts at 1, not " + version);
        }
        this.version = version;
        this.trainedAt = Objects.requireNonNull(trainedAt, "trained at");
        this.encodings = Objects.requireNonNull(encodings, "encodings");
        this.trainedOn = encodings.trained();
        this.trees = trees.clone();
        try {
            this.booster = XGBoost.loadModel(this.trees);
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("the model's trees do not load: " + e.getMessage(), e);
        }
    }

    /** Counts up by one with every model a property trains. */
    public long version() {
        return version;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    /** How many bookings it learned from. */
    public int trainedOn() {
        return trainedOn;
    }

    /** The chance, from 0 to 1, that the booking is cancelled or does not show. */
    public double probability(BookingSnapshot booking) {
        return probabilities(List.of(booking))[0];
    }

    /** {@link #probability} of each booking, in their order, in one pass. */
    public double[] probabilities(List<BookingSnapshot> bookings) {
        if (bookings.isEmpty()) {
            return new double[0];
        }
        int width = Features.NAMES.size();
        float[] matrix = new float[bookings.size() * width];
        for (int i = 0; i < bookings.size(); i++) {
            System.arraycopy(Features.of(bookings.get(i), encodings), 0, matrix, i * width, width);
        }
        try {
            float[][] predicted;
            synchronized (booster) {
                predicted = booster.inplace_predict(matrix, bookings.size(), width, Float.NaN);
            }
            double[] out = new double[predicted.length];
            for (int i = 0; i < predicted.length; i++) {
                out[i] = predicted[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
        }
    }

    /** The model as bytes, to be stored; {@link #fromBytes} reads them back. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(version);
            out.writeLong(trainedAt.toEpochMilli());
            out.writeInt(encodings.trained());
            encodings.roomType().write(out);
            encodings.ratePlan().write(out);
            encodings.source().write(out);
            out.writeInt(trees.length);
            out.write(trees);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CancellationModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("these bytes are not a hotelkit cancellation model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("a cancellation model of format " + format + " is not readable here, only " + FORMAT);
            }
            long version = in.readLong();
            Instant trainedAt = Instant.ofEpochMilli(in.readLong());
            int trained = in.readInt();
            Encodings encodings = new Encodings(Encoding.read(in), Encoding.read(in), Encoding.read(in), trained);
            byte[] trees = new byte[in.readInt()];
            in.readFully(trees);
            return new CancellationModel(version, trainedAt, encodings, trees);
        } catch (IOException e) {
            throw new IllegalArgumentException("the model's bytes are cut short: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CancellationModel[version=" + version + ", trainedAt=" + trainedAt + ", trainedOn=" + trainedOn + "]";
    }
}
