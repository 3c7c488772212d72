package io.hotelkit.server;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.hotelkit.shared.InvalidRequestException;
import java.time.Clock;

/**
 * {@code /v1/properties/{propertyId}/ari}: the ARI feed for channel managers ({@link AriFeed}), as JSON, or as
 * OpenTravel messages ({@link OtaMessages}) on {@code Accept: application/xml}: {@code OTA_HotelAvailNotifRQ},
 * or {@code OTA_HotelRateAmountNotifRQ} with {@code message=rates}.
 */
final class AriResource implements HttpService {

    private static final MediaType XML = MediaTypes.APPLICATION_XML;
    private static final MediaType TEXT_XML = MediaTypes.TEXT_XML;

    private final AriFeed feed;
    private final Clock clock;

    AriResource(AriFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes.stream(Route.GET_ARI, this::read));
    }

    private void read(ServerRequest req, ServerResponse res) {
        String message = Params.query(req, "message").orElse("availability");
        if (!message.equals("availability") && !message.equals("rates")) {
            throw new InvalidRequestException("message", "must be one of availability, rates");
        }
        AriFeed.Snapshot snapshot = feed.read(Params.property(req), Params.optionalDate(req, "from").orElse(null),
                Params.optionalDate(req, "to").orElse(null), Params.query(req, "room_type").orElse(null),
                Params.query(req, "rate_plan").orElse(null), Params.query(req, "since").orElse(null));
        MediaType type = req.headers().bestAccepted(MediaTypes.APPLICATION_JSON, XML, TEXT_XML)
                .orElse(MediaTypes.APPLICATION_JSON);
        res.status(200);
        if (type.equals(MediaTypes.APPLICATION_JSON)) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(Json.bytes(snapshot));
        } else {
            res.header(HeaderNames.CONTENT_TYPE, type.text() + "; charset=UTF-8");
            res.send(message.equals("rates") ? OtaMessages.rateAmountNotif(snapshot, clock.instant())
                    : OtaMessages.availNotif(snapshot, clock.instant()));
        }
    }
}
