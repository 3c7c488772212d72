package io.hotelkit.forecast;

import io.hotelkit.shared.PropertyId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class MemoryModelStore implements ModelStore {

    private final Map<PropertyId, byte[]> latest = new ConcurrentHashMap<>();

    @Override
    public void save(PropertyId propertyId, CancellationModel model) {
        latest.merge(propertyId, model.toBytes(),
                (old, now) -> CancellationModel.fromBytes(old).version() > model.version() ? old : now);
    }

    @Override
    public Optional<CancellationModel> latest(PropertyId propertyId) {
        return Optional.ofNullable(latest.get(propertyId)).map(CancellationModel::fromBytes);
    }
}
