package io.hotelkit.availability;

import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.NotAvailableException.Reason;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/** A property index's offers: a search's, and one room type's in one rate plan, priced by its rate grid. Read under the index's lock. */
final class Offers {

    private Offers() {}

    /** @param candidates the room types searched, looked up once the rate plan is known to exist */
    static Availability search(Property property, RateGrid rates, AvailabilityQuery query, Supplier<List<TypeIndex>> candidates) {
        Stay stay = query.stay();
        Occupancy occupancy = query.occupancy();
        long checkin = stay.checkin().toEpochDay();
        int nights = stay.nights();
        if (query.ratePlan() != null && !rates.has(query.ratePlan())) {
            throw new NotFoundException("rate plan", query.ratePlan());
        }
        RateGrid.SearchPricing pricing = rates.forSearch(query.ratePlan() == null ? rates.plans() : List.of(query.ratePlan()));
        List<TypeIndex> types = candidates.get();
        Offer[] offers = new Offer[types.size() * pricing.size()];
        int found = 0;
        NightPrices[] nightly = new NightPrices[pricing.size()]; // each type's, in turn
        TaxPolicy.StayTaxes[] taxes = new TaxPolicy.StayTaxes[pricing.size()]; // rates, city tax and packages worked out once a search
        for (int plan = 0; plan < taxes.length; plan++) {
            taxes[plan] = stayTaxes(property, pricing.packages(plan), occupancy);
        }
        Currency currency = property.currency();
        for (TypeIndex type : types) {
            RoomType roomType = type.roomType;
            if (!roomType.fits(occupancy)) {
                continue;
            }
            int free = type.free(checkin, nights);
            if (free <= 0) {
                continue;
            }
            pricing.price(type.rateSlot, roomType, stay.checkin(), nights, occupancy, nightly);
            for (int plan = 0; plan < nightly.length; plan++) {
                if (nightly[plan] != null) {
                    offers[found++] = new Offer(roomType.code(), pricing.code(plan), free,
                            Money.ofMinor(nightly[plan].totalMinor(taxes[plan]), currency), nightly[plan], pricing.cancellationPolicy(plan));
                }
            }
        }
        return new Availability(stay, new OfferList(offers, found));
    }

    static Offer quote(Property property, RateGrid rates, TypeIndex type, String ratePlan, Stay stay, Occupancy occupancy,
            boolean arrival) {
        String roomType = type.roomType.code();
        if (!type.roomType.fits(occupancy)) {
            throw new NotAvailableException(Reason.OCCUPANCY, property.id(), roomType, null,
                    "room type %s takes at most %d adults, %d children and %d guests, not %s".formatted(roomType,
                            type.roomType.maxAdults(), type.roomType.maxChildren(), type.roomType.maxOccupancy(), occupancy));
        }
        StayPrice price = arrival ? rates.price(ratePlan, type.roomType, stay, occupancy)
                : rates.priceNights(ratePlan, type.roomType, stay, occupancy);
        return switch (price) {
            case StayPrice.Priced priced -> offer(property, rates, roomType, ratePlan,
                    Math.max(0, type.free(stay.checkin().toEpochDay(), stay.nights())), stay, occupancy, priced.nightlyMinor());
            case StayPrice.Refused refused -> throw new NotAvailableException(Reason.valueOf(refused.restriction().name()),
                    property.id(), roomType, refused.date(), "rate plan %s does not sell room type %s for %s: %s on %s"
                            .formatted(ratePlan, roomType, stay, refused.restriction().name().toLowerCase(), refused.date()));
        };
    }

    private static Offer offer(Property property, RateGrid rates, String roomType, String ratePlan, int available, Stay stay,
            Occupancy occupancy, long[] nightlyMinor) {
        long total = stayTaxes(property, rates.packages(ratePlan), occupancy).stayTotalMinor(nightlyMinor);
        return new Offer(roomType, ratePlan, available, Money.ofMinor(total, property.currency()),
                new NightPrices(stay.checkin(), nightlyMinor, 0, nightlyMinor.length, property.currency()),
                rates.cancellationPolicy(ratePlan));
    }

    /** The taxes and packages of a stay in a plan for these guests. */
    static TaxPolicy.StayTaxes stayTaxes(Property property, List<RatePackage> packages, Occupancy occupancy) {
        List<TaxPolicy.PackageCharge> charges = packages.isEmpty() ? List.of()
                : packages.stream().map(pkg -> pkg.forGuests(occupancy)).toList();
        return property.taxes().forStay(occupancy, property.rounding(), charges);
    }

    /** An offer's total split by charge and VAT rate, as its folio will hold it. */
    static TaxPolicy.Split split(Property property, RateGrid rates, Offer offer, Occupancy occupancy) {
        List<Money> amounts = offer.nightlyAmounts();
        long[] nightly = new long[amounts.size()];
        for (int n = 0; n < nightly.length; n++) {
            nightly[n] = amounts.get(n).minorUnits();
        }
        return stayTaxes(property, rates.packages(offer.ratePlan()), occupancy).split(nightly, property.currency());
    }
}
