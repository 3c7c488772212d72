package io.hotelkit.server;

import io.hotelkit.Hotel;
import io.hotelkit.shared.PropertyId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The server's ARI feed for the benchmarks, which live in another package: the feed itself stays package-private
 * in the server. Benchmarks only; not part of any API.
 */
public final class AriFeeds {

    private final AriFeed feed;

    public AriFeeds(Hotel hotel) {
        this.feed = Server.ariFeed(hotel);
    }

    /** A full resync of {@code [from, to)}, as objects: what the feed computes. */
    public int resync(PropertyId property, LocalDate from, LocalDate to) {
        return feed.read(property, from, to, null, null, null).nights().size();
    }

    /** A full resync rendered as the JSON the server sends. */
    public byte[] resyncJson(PropertyId property, LocalDate from, LocalDate to) {
        return Json.bytes(feed.read(property, from, to, null, null, null));
    }

    /** A full resync rendered as both OpenTravel messages. */
    public int resyncOpenTravel(PropertyId property, LocalDate from, LocalDate to, Instant now) {
        AriFeed.Snapshot snapshot = feed.read(property, from, to, null, null, null);
        return OtaMessages.availNotif(snapshot, now).length + OtaMessages.rateAmountNotif(snapshot, now).length;
    }
}
