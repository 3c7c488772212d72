package io.hotelkit.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.util.Map;

/**
 * Maps domain events to outbox rows and back. An event's data is stored as JSON; numbers come back as
 * {@code Integer}, {@code Long} or {@code BigInteger} when whole and as {@code BigDecimal} otherwise, so
 * that no amount loses a cent on the way.
 */
final class EventMapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

    private EventMapper() {}

    static OutboxEventEntity toEntity(long position, DomainEvent event) {
        OutboxEventEntity row = new OutboxEventEntity();
        row.position = position;
        row.eventId = event.id();
        row.type = event.type().code();
        row.entity = event.type().entity();
        row.propertyId = event.propertyId() == null ? null : event.propertyId().value();
        row.entityId = event.entityId();
        row.actor = event.actor();
        row.occurredAt = event.occurredAt();
        row.data = write(event.data());
        return row;
    }

    static Outbox.StoredEvent toDomain(OutboxEventEntity row) {
        return new Outbox.StoredEvent(
                row.position,
                new DomainEvent(
                        row.eventId,
                        EventType.ofCode(row.type),
                        row.propertyId == null ? null : PropertyId.of(row.propertyId),
                        row.entityId,
                        row.actor,
                        row.occurredAt,
                        read(row.data)));
    }

    private static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event data must be strings, numbers, booleans, lists and maps: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row holds data that is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
