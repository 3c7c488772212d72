package io.hotelkit.server;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * The ARI feed as OpenTravel (OTA 2003/05) messages, for channel managers that speak them:
 * {@code OTA_HotelAvailNotifRQ} (how many more bookings, and the restrictions) and
 * {@code OTA_HotelRateAmountNotifRQ} (the price per number of guests). Consecutive nights of a room type and rate
 * plan that say the same are one message, {@code Start} to {@code End} (both nights included, as OTA has it).
 *
 * <p>Restrictions as OTA has them: the night's own {@code Master} status is closed on a closed night or one
 * without a price; {@code Arrival} closed is closed to arrival that night; {@code Departure} closed is closed to
 * departure on that date (a stay that checks out that day is refused). The minimum and maximum stay are read from
 * the arrival night ({@code SetMinLOS}, {@code SetMaxLOS}). Prices: {@code BaseByGuestAmt} for each number of
 * adults the room type takes, without children; {@code AdditionalGuestAmount} with {@code AgeQualifyingCode} 10
 * what each adult past the base occupancy adds and 8 what each child adds. Amounts are before tax unless the
 * property's prices include VAT.
 */
final class OtaMessages {

    static final String NAMESPACE = "http://www.opentravel.org/OTA/2003/05";
    private static final String ADULT = "10";
    private static final String CHILD = "8";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private OtaMessages() {}

    /** {@code OTA_HotelAvailNotifRQ} of the feed; its {@code EchoToken} is the next cursor. */
    static byte[] availNotif(AriFeed.Snapshot feed, Instant now) {
        return document("OTA_HotelAvailNotifRQ", feed, now, xml -> {
            xml.writeStartElement("AvailStatusMessages");
            xml.writeAttribute("HotelCode", feed.propertyCode());
            for (Run<AvailKey> run : runs(feed.nights(), AvailKey::of)) {
                AvailKey key = run.key();
                xml.writeStartElement("AvailStatusMessage");
                xml.writeAttribute("BookingLimit", Integer.toString(key.available()));
                xml.writeAttribute("BookingLimitMessageType", "SetLimit");
                control(xml, run);
                if (key.priced()) {
                    xml.writeStartElement("LengthsOfStay");
                    lengthOfStay(xml, "SetMinLOS", key.minStay() == null ? 1 : key.minStay());
                    if (key.maxStay() != null) {
                        lengthOfStay(xml, "SetMaxLOS", key.maxStay());
                    }
                    xml.writeEndElement();
                }
                restriction(xml, "Master", key.closed());
                xml.writeEndElement();
                for (String restriction : new String[] {"Arrival", "Departure"}) {
                    xml.writeStartElement("AvailStatusMessage");
                    control(xml, run);
                    restriction(xml, restriction, restriction.equals("Arrival") ? key.closedToArrival() : key.closedToDeparture());
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        });
    }

    /** {@code OTA_HotelRateAmountNotifRQ} of the feed's priced nights; its {@code EchoToken} is the next cursor. */
    static byte[] rateAmountNotif(AriFeed.Snapshot feed, Instant now) {
        String amountAttribute = feed.vatIncluded() ? "AmountAfterTax" : "AmountBeforeTax";
        return document("OTA_HotelRateAmountNotifRQ", feed, now, xml -> {
            xml.writeStartElement("RateAmountMessages");
            xml.writeAttribute("HotelCode", feed.propertyCode());
            List<AriFeed.Night> priced = feed.nights().stream().filter(night -> night.price() != null).toList();
            for (Run<AriFeed.NightPrice> run : runs(priced, AriFeed.Night::price)) {
                AriFeed.NightPrice price = run.key();
                xml.writeStartElement("RateAmountMessage");
                control(xml, run);
                xml.writeStartElement("Rates");
                xml.writeStartElement("Rate");
                xml.writeStartElement("BaseByGuestAmts");
                for (AriFeed.OccupancyPrice occupancy : price.byOccupancy()) {
                    if (occupancy.children() == 0) {
                        xml.writeEmptyElement("BaseByGuestAmt");
                        xml.writeAttribute("NumberOfGuests", Integer.toString(occupancy.adults()));
                        xml.writeAttribute("AgeQualifyingCode", ADULT);
                        xml.writeAttribute(amountAttribute, occupancy.amount().amount().toPlainString());
                        xml.writeAttribute("CurrencyCode", feed.currency());
                    }
                }
                xml.writeEndElement();
                xml.writeStartElement("AdditionalGuestAmounts");
                additional(xml, ADULT, price.extraAdult().amount().toPlainString(), feed.currency());
                additional(xml, CHILD, price.extraChild().amount().toPlainString(), feed.currency());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] document(String root, AriFeed.Snapshot feed, Instant now, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8_192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, root);
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("EchoToken", feed.nextCursor());
            xml.writeAttribute("TimeStamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeAttribute("Version", "1.0");
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing " + root + " failed", e);
        }
        return bytes.toByteArray();
    }

    private static void control(XMLStreamWriter xml, Run<?> run) throws XMLStreamException {
        xml.writeEmptyElement("StatusApplicationControl");
        xml.writeAttribute("Start", run.start().toString());
        xml.writeAttribute("End", run.end().toString());
        xml.writeAttribute("InvTypeCode", run.roomType());
        xml.writeAttribute("RatePlanCode", run.ratePlan());
    }

    private static void lengthOfStay(XMLStreamWriter xml, String type, int nights) throws XMLStreamException {
        xml.writeEmptyElement("LengthOfStay");
        xml.writeAttribute("Time", Integer.toString(nights));
        xml.writeAttribute("TimeUnit", "Day");
        xml.writeAttribute("MinMaxMessageType", type);
    }

    private static void restriction(XMLStreamWriter xml, String restriction, boolean closed) throws XMLStreamException {
        xml.writeEmptyElement("RestrictionStatus");
        xml.writeAttribute("Restriction", restriction);
        xml.writeAttribute("Status", closed ? "Close" : "Open");
    }

    private static void additional(XMLStreamWriter xml, String ageCode, String amount, String currency)
            throws XMLStreamException {
        xml.writeEmptyElement("AdditionalGuestAmount");
        xml.writeAttribute("AgeQualifyingCode", ageCode);
        xml.writeAttribute("Amount", amount);
        xml.writeAttribute("CurrencyCode", currency);
    }

    /** What an availability message says of a night, its date aside. */
    private record AvailKey(int available, boolean priced, boolean closed, boolean closedToArrival,
                            boolean closedToDeparture, @Nullable Integer minStay, @Nullable Integer maxStay) {
        static AvailKey of(AriFeed.Night night) {
            return new AvailKey(night.available(), night.price() != null, night.closed(), night.closedToArrival(),
                    night.closedToDeparture(), night.minStay(), night.maxStay());
        }
    }

    /** Consecutive nights of one room type and rate plan that say the same, {@code start} to {@code end} inclusive. */
    private record Run<K>(String roomType, String ratePlan, LocalDate start, LocalDate end, K key) {}

    private static <K> List<Run<K>> runs(List<AriFeed.Night> nights, Function<AriFeed.Night, K> keyOf) {
        List<Run<K>> runs = new ArrayList<>();
        Run<K> current = null;
        for (AriFeed.Night night : nights) {
            K key = keyOf.apply(night);
            if (current != null && current.roomType().equals(night.roomType()) && current.ratePlan().equals(night.ratePlan())
                    && current.end().plusDays(1).equals(night.night()) && Objects.equals(current.key(), key)) {
                current = new Run<>(current.roomType(), current.ratePlan(), current.start(), night.night(), key);
                runs.set(runs.size() - 1, current);
            } else {
                current = new Run<>(night.roomType(), night.ratePlan(), night.night(), night.night(), key);
                runs.add(current);
            }
        }
        return runs;
    }
}
