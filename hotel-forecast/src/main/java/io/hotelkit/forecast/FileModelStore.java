package io.hotelkit.forecast;

import io.hotelkit.shared.PropertyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Models as files; each written to a temporary file first and moved into place, so a reader never sees half. */
final class FileModelStore implements ModelStore {

    private static final Pattern NAME = Pattern.compile("cancellation-v(\\d+)\\.model");

    private final Path directory;

    FileModelStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public void save(PropertyId propertyId, CancellationModel model) {
        try {
            Path dir = Files.createDirectories(directory.resolve(propertyId.toString()));
            Path temp = Files.createTempFile(dir, "cancellation-", ".part");
            Files.write(temp, model.toBytes());
            Files.move(temp, dir.resolve("cancellation-v" + model.version() + ".model"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the model of " + propertyId, e);
        }
    }

    @Override
    public Optional<CancellationModel> latest(PropertyId propertyId) {
        Path dir = directory.resolve(propertyId.toString());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> newest = files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparingLong(FileModelStore::version));
            return newest.map(f -> {
                try {
                    return CancellationModel.fromBytes(Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the models of " + propertyId, e);
        }
    }

    private static long version(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
