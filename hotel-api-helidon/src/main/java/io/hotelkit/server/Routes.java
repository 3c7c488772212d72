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
 * The routes of one {@code /v1} resource. Every route names the roles it admits (403 for others), a route
 * with a body names its type (read, parsed and validated before the endpoint runs), and a path answers
 * 405 to the methods it has no route for.
 *
 * <pre>{@code
 * public void routing(HttpRules rules) {
 *     Routes.define(rules, routes -> routes
 *             .get("/", allow(MANAGER, AUDITOR), this::list)
 *             .post("/", allow(FRONT_DESK), NewGuest.class, idempotent.creating(this::register))
 *             .delete("/{id}", allow(FRONT_DESK), this::erase));
 * }
 * }</pre>
 */
public final class Routes {

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

    public Routes get(String path, Roles roles, Endpoint endpoint) {
        return route(Method.GET, path, roles, endpoint);
    }

    public Routes delete(String path, Roles roles, Endpoint endpoint) {
        return route(Method.DELETE, path, roles, endpoint);
    }

    /** A POST without a body, such as an action ({@code .../check-out}). */
    public Routes post(String path, Roles roles, Endpoint endpoint) {
        return route(Method.POST, path, roles, endpoint);
    }

    public <T> Routes post(String path, Roles roles, Class<T> body, BodyEndpoint<T> endpoint) {
        return route(Method.POST, path, roles, withBody(body, endpoint));
    }

    public <T> Routes put(String path, Roles roles, Class<T> body, BodyEndpoint<T> endpoint) {
        return route(Method.PUT, path, roles, withBody(body, endpoint));
    }

    public <T> Routes patch(String path, Roles roles, Class<T> body, BodyEndpoint<T> endpoint) {
        return route(Method.PATCH, path, roles, withBody(body, endpoint));
    }

    /** A route that writes its response itself, such as a Server-Sent Events stream. */
    public Routes stream(String path, Roles roles, Handler handler) {
        methodsByPath.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(Method.GET);
        rules.get(path, (req, res) -> {
            authorize(req, roles);
            handler.handle(req, res);
        });
        return this;
    }

    private Routes route(Method method, String path, Roles roles, Endpoint endpoint) {
        methodsByPath.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
        rules.route(method, path, (req, res) -> {
            authorize(req, roles);
            endpoint.handle(req).send(res);
        });
        return this;
    }

    private static <T> Endpoint withBody(Class<T> type, BodyEndpoint<T> endpoint) {
        return req -> endpoint.handle(req, Bodies.read(req, type));
    }

    /** The template of the route that answered ({@code /v1/api-keys/{id}}), if a route did. */
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
