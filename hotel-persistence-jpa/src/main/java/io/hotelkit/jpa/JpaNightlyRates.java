package io.hotelkit.jpa;

import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

final class JpaNightlyRates implements NightlyRates {

    private final JpaUnitOfWork transactions;

    JpaNightlyRates(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public void put(PropertyId propertyId, String ratePlan, List<DailyRate> rates) {
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(ratePlan, "rate plan");
        if (rates.isEmpty()) {
            return;
        }
        transactions.call(em -> {
            if (JpaRatePlans.load(em, propertyId.value(), ratePlan).isEmpty()) {
                throw new NotFoundException("rate plan", ratePlan);
            }
            Set<String> roomTypes = new HashSet<>();
            rates.forEach(rate -> roomTypes.add(rate.roomType()));
            Set<String> known = new HashSet<>(em.createQuery(
                            "select code from RoomTypeEntity where propertyId = :property and code in :codes", String.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("codes", roomTypes)
                    .getResultList());
            roomTypes.stream().filter(code -> !known.contains(code)).sorted().findFirst().ifPresent(code -> {
                throw new NotFoundException("room type", code);
            });

            // The nights already stored are read in one query and updated; the others are inserted.
            LocalDate first = rates.stream().map(DailyRate::night).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = rates.stream().map(DailyRate::night).max(Comparator.naturalOrder()).orElseThrow();
            Map<NightlyRateEntity.Key, NightlyRateEntity> stored = new HashMap<>();
            em.createQuery("""
                            from NightlyRateEntity
                            where propertyId = :property and ratePlan = :plan and roomType in :types
                              and night between :first and :last""", NightlyRateEntity.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("plan", ratePlan)
                    .setParameter("types", roomTypes)
                    .setParameter("first", first)
                    .setParameter("last", last)
                    .getResultList().stream()
                    .forEach(row -> stored.put(key(row), row));
            for (DailyRate rate : rates) {
                NightlyRateEntity.Key key =
                        new NightlyRateEntity.Key(propertyId.value(), ratePlan, rate.roomType(), rate.night());
                NightlyRateEntity row = stored.get(key);
                if (row == null) {
                    row = new NightlyRateEntity();
                    row.propertyId = propertyId.value();
                    row.ratePlan = ratePlan;
                    RatesMapper.copy(rate, row);
                    em.persist(row);
                    stored.put(key, row);
                } else {
                    RatesMapper.copy(rate, row);
                }
            }
            em.flush();
            return null;
        });
    }

    @Override
    public List<DailyRate> find(PropertyId propertyId, String ratePlan, String roomType, DateRange nights) {
        return transactions.call(em -> em.createQuery("""
                        from NightlyRateEntity
                        where propertyId = :property and ratePlan = :plan and roomType = :type
                          and night >= :start and night < :end
                        order by night""", NightlyRateEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("plan", ratePlan)
                .setParameter("type", roomType)
                .setParameter("start", nights.start())
                .setParameter("end", nights.end())
                .getResultList().stream()
                .map(RatesMapper::toDomain)
                .toList());
    }

    @Override
    public List<DailyRate> all(PropertyId propertyId, String ratePlan) {
        return transactions.call(em -> em.createQuery("""
                        from NightlyRateEntity
                        where propertyId = :property and ratePlan = :plan
                        order by roomType, night""", NightlyRateEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("plan", ratePlan)
                .getResultList().stream()
                .map(RatesMapper::toDomain)
                .toList());
    }

    private static NightlyRateEntity.Key key(NightlyRateEntity row) {
        return new NightlyRateEntity.Key(row.propertyId, row.ratePlan, row.roomType, row.night);
    }
}
