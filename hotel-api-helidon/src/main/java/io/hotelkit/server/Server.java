package io.hotelkit.server;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.hotelkit.Hotel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The reference server: the {@code /v1} API, and {@code /health}, {@code /metrics}, {@code /openapi}, the
 * staff console ({@code /console}) and the API reference ({@code /docs}) without a key.
 */
final class Server {

    private Server() {}

    /**
     * The {@code /v1} routing: errors as problem documents, then per request metrics, the database gate
     * (503 at once while the database does not answer), read-your-writes across instances, authentication, the
     * rate limit, property scope and body rules, then one service per resource. Tests build their routing
     * with this too.
     */
    public static void routing(HttpRouting.Builder routing, Infrastructure infrastructure) {
        routing.error(Throwable.class, new Problems())
                .addFilter(new HttpMetrics(infrastructure.meters()))
                .addFilter(infrastructure.database().filter())
                .addFilter(infrastructure.freshness())
                .addFilter(new Authentication(infrastructure.apiKeys()))
                .addFilter(new RateLimiting(infrastructure.rateLimiter(), infrastructure.config().rateLimits(),
                        infrastructure.meters()))
                .addFilter(new PropertyScope())
                .addFilter(new BodyRules())
                .register("/v1", resources(infrastructure));
    }

    private static HttpService[] resources(Infrastructure infrastructure) {
        Hotel hotel = infrastructure.hotel();
        Idempotent idempotent = infrastructure.idempotent();
        GuestScope guestScope = new GuestScope(hotel.guests(), hotel.bookings(), hotel.storage().outbox());
        ServerConfig config = infrastructure.config();
        ForecastResource forecasts = new ForecastResource(hotel, infrastructure.forecasts());
        ReservationsResource reservations = new ReservationsResource(hotel.reservations(), hotel.cancellations(), hotel.inventory(), guestScope,
                infrastructure.transactions(), idempotent, infrastructure.meters());
        // Helidon tries the routes in this order, each path template a regular expression: the availability
        // search, the route called most (channels poll it), comes right after ping rather than after some forty
        // templates of the resources before it (matching them was 30 % of its server's CPU samples)
        return new HttpService[] {
                new PingResource(),
                new AvailabilityResource(hotel.availability(), hotel.engine(), infrastructure.renderedOffers(),
                        infrastructure.sharedOffers().orElse(null)),
                new ApiKeysResource(infrastructure.apiKeys(), hotel.storage().properties(), infrastructure.transactions(),
                        infrastructure.ids(), infrastructure.clock()),
                new PropertiesResource(hotel.inventory(), idempotent),
                new RoomTypesResource(hotel.inventory(), idempotent),
                new RoomsResource(hotel.inventory(), idempotent),
                new RatePlansResource(hotel.rates(), hotel.inventory(), idempotent),
                new BlocksResource(hotel.blocks(), idempotent),
                new AriResource(ariFeed(hotel), infrastructure.clock()),
                reservations,
                new BookingsResource(hotel.bookings(), reservations, hotel.reservations(), hotel.frontDesk(),
                        hotel.cancellations(), guestScope, infrastructure.transactions(), idempotent, infrastructure.meters()),
                new GuestsResource(hotel.guests(), guestScope, hotel.personalData(), hotel.loyalty(), hotel.invoices(),
                        idempotent),
                new FoliosResource(hotel.folioCharges(), hotel.inventory(), idempotent),
                new PaymentsResource(hotel.payments(), hotel.inventory(), infrastructure.transactions(), idempotent,
                        infrastructure.meters()),
                new InvoicesResource(hotel.invoices(), idempotent),
                new FolioWindowsResource(hotel.folioWindows(), hotel.inventory(), idempotent),
                new CompaniesResource(hotel.cityLedger(), hotel.inventory(), idempotent),
                new OperationsResource(hotel.inventory(), hotel.nightAudit(), forecasts::trainLater),
                new ReportsResource(hotel.reports(), hotel.financeReports(), hotel.inventory()),
                new EventsResource(hotel.storage().outbox(), hotel.inventory(), infrastructure.apiKeys(),
                        config.maxEventStreams(), config.eventHeartbeat()),
                new AuditResource(hotel.storage().outbox(), hotel.inventory()),
                forecasts,
                new WebhooksResource(infrastructure.webhooks(), hotel.inventory(), hotel.storage().outbox(),
                        infrastructure.ids(), infrastructure.clock()),
        };
    }

    static AriFeed ariFeed(Hotel hotel) {
        AriChanges changes = new AriChanges(hotel.inventory(), hotel.rates(), hotel.blocks());
        return new AriFeed(hotel.inventory(), hotel.rates(), hotel.engine(), hotel.storage().outbox(), changes,
                hotel::catchUp, hotel::positionAt);
    }

    /** The server, not yet started, on the configured address and port. */
    public static WebServer create(Infrastructure infrastructure) {
        WebServerConfig.Builder server = WebServer.builder()
                .host(infrastructure.config().httpHost())
                .port(infrastructure.config().httpPort());
        setUp(server, infrastructure, routing -> {
            routing(routing, infrastructure);
            Console.routing(routing);
        });
        return server.build();
    }

    /** Everything but the port and the routing: {@code /health}, {@code /metrics} and {@code /openapi}. */
    static void setUp(WebServerConfig.Builder server, Infrastructure infrastructure,
                      Consumer<HttpRouting.Builder> routing) {
        server.featuresDiscoverServices(false)
                .addFeature(observe(infrastructure))
                .addFeature(OpenApiFeature.builder()
                        .servicesDiscoverServices(false)
                        .managerDiscoverServices(false)
                        .staticFile("META-INF/openapi.yaml")
                        .build())
                .directHandlers(directHandlers())
                .routing(routing);
    }

    private static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, Server::problem);
        }
        return handlers.build();
    }

    private static ObserveFeature observe(Infrastructure infrastructure) {
        return ObserveFeature.builder()
                .endpoint("/")
                .observersDiscoverServices(false)
                .addObserver(HealthObserver.builder()
                        .endpoint("health")
                        .details(true)
                        .useSystemServices(false)
                        .addCheck(infrastructure.database())
                        .build())
                .addObserver(MetricsObserver.builder()
                        .endpoint("metrics")
                        .meterRegistry(infrastructure.meters().registry())
                        .build())
                .build();
    }

    /** Errors Helidon answers before routing (a malformed request line, say) are problem documents too. */
    private static DirectHandler.TransportResponse problem(DirectHandler.TransportRequest request,
                                                           DirectHandler.EventType event,
                                                           Status status,
                                                           ServerResponseHeaders headers,
                                                           String message) {
        Problem problem = Problem.of(status.code(), "http-" + status.code(), status.reasonPhrase(),
                status.reasonPhrase());
        headers.set(HeaderValues.create(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE));
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(new String(Json.bytes(problem), StandardCharsets.UTF_8))
                .build();
    }
}
