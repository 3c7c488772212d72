package io.hotelkit.server;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The routes of one {@code /v1} resource, bound to their handlers. Which roles a route admits (403 for
 * others) is the {@link Route} table's to say; a route with a body names its type (read, parsed and
 * validated before the endpoint runs); a path answers 405 to the methods it has no route for. A path
 * belongs to one resource service, which registers under {@code /v1}.
 *
 * <pre>{@code
 * public void routing(HttpRules rules) {
 *     Routes.define(rules, routes -> routes
 *             .handle(Route.SEARCH_GUESTS, this::search)
 *             .handle(Route.REGISTER_GUEST, NewGuest.class, idempotent.creating(this::register))
 *             .handle(Route.ERASE_GUEST, this::erase));
 * }
 * }</pre>
 */
final class Routes {

    /** An endpoint without a request body. */
    @FunctionalInterface
    public interface Endpoint {
        Reply handle(ServerRequest req);
    }

    /** An endpoint that takes a valid request body of type {@code T}. */
    @FunctionalInterface
    public interface BodyEndpoint<T> {
        Reply handle(ServerRequest req, T body);
    }

    private final HttpRules rules;
    private final Map<String, Set<Method>> methodsByPath = new LinkedHashMap<>();

    private Routes(HttpRules rules) {
        this.rules = rules;
    }

    /** Registers the routes {@code definition} adds, then a 405 for every other method of their paths. */
    public static void define(HttpRules rules, Consumer<Routes> definition) {
        Routes routes = new Routes(rules);
        definition.accept(routes);
        routes.methodsByPath.forEach((path, methods) -> {
            String allowed = methods.stream().map(Method::text).collect(Collectors.joining(", "));
            rules.any(path, (req, res) -> {
                throw ApiException.methodNotAllowed(req.prologue().method().text(), allowed);
            });
        });
    }

    /** A route without a body: a read, a delete, or an action such as {@code .../check-out}. */
    public Routes handle(Route route, Endpoint endpoint) {
        return route(route.method(), route.path(), route.roles(), endpoint);
    }

    /** A route whose body is a valid {@code body}. */
    public <T> Routes handle(Route route, Class<T> body, BodyEndpoint<T> endpoint) {
        return route(route.method(), route.path(), route.roles(), withBody(body, endpoint));
    }

    /** A route whose body is optional: without one, the endpoint gets {@code whenAbsent}. */
    public <T> Routes handle(Route route, Class<T> body, T whenAbsent, BodyEndpoint<T> endpoint) {
        return route(route.method(), route.path(), route.roles(),
                req -> endpoint.handle(req, Bodies.readOptional(req, body).orElse(whenAbsent)));
    }

    /** A route that writes its response itself, such as a Server-Sent Events stream. */
    public Routes stream(Route route, Handler handler) {
        methodsByPath.computeIfAbsent(route.path(), p -> new LinkedHashSet<>()).add(route.method());
        rules.route(route.method(), route.path(), (req, res) -> {
            authorize(req, route.roles());
            handler.handle(req, res);
        });
        return this;
    }

    /** A route that is not in the {@link Route} table: for tests' own resources only. */
    Routes route(Method method, String path, Roles roles, Endpoint endpoint) {
        methodsByPath.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
        rules.route(method, path, (req, res) -> {
            authorize(req, roles);
            CardData.refuseInHeaders(req);
            endpoint.handle(req).send(res);
        });
        return this;
    }

    static <T> Endpoint withBody(Class<T> type, BodyEndpoint<T> endpoint) {
        return req -> endpoint.handle(req, Bodies.read(req, type));
    }

    /** The template of the route that answered ({@code /v1/api-keys/{keyId}}), if a route did. */
    static Optional<String> template(ServerRequest req) {
        return req.matchingPattern()
                .filter(pattern -> !pattern.isEmpty())
                .map(pattern -> pattern.length() > 1 && pattern.endsWith("/")
                        ? pattern.substring(0, pattern.length() - 1)
                        : pattern);
    }

    private static void authorize(ServerRequest req, Roles roles) {
        Caller caller = Caller.of(req);
        if (!roles.admits(caller.role())) {
            throw ApiException.forbidden("an API key with role %s may not do this; roles that may: %s".formatted(
                    Roles.wire(caller.role()), roles));
        }
    }
}
