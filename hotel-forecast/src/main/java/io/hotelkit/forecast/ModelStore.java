package io.hotelkit.forecast;

import io.hotelkit.shared.PropertyId;
import java.util.Optional;

/** Where a property's trained models are kept, every version, so that a restart loads the latest. */
public interface ModelStore {

    void save(PropertyId propertyId, CancellationModel model);

    /** The model of the highest version stored for the property, if any. */
    Optional<CancellationModel> latest(PropertyId propertyId);

    /** A store in memory: for tests, and for a hotel that trains on every start. */
    static ModelStore inMemory() {
        return new MemoryModelStore();
    }

    /** A store of files under {@code directory}: {@code <property>/cancellation-v<version>.model}. */
    static ModelStore inDirectory(java.nio.file.Path directory) {
        return new FileModelStore(directory);
    }
}
