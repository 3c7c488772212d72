package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.access.Role;
import io.hotelkit.inventory.Properties;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/api-keys}: admins make keys (the plain key is in the creation's response and nowhere else,
 * ever), list them and revoke them. A key is for properties that exist; an admin key scoped to some
 * properties makes, sees and revokes keys for those only (any other key is 404 to it), never a wider one.
 * Creation takes no {@code Idempotency-Key}: a stored reply would keep the plain key.
 */
final class ApiKeysResource implements HttpService {

    private final ApiKeys apiKeys;
    private final Properties properties;
    private final UnitOfWork transactions;
    private final IdGenerator ids;
    private final Clock clock;

    ApiKeysResource(ApiKeys apiKeys, Properties properties, UnitOfWork transactions, IdGenerator ids, Clock clock) {
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CURRENT_API_KEY, req -> Reply.ok(ApiKeyView.of(Caller.of(req).apiKey())))
                .handle(Route.LIST_API_KEYS, this::list)
                .handle(Route.CREATE_API_KEY, NewApiKey.class, this::create)
                .handle(Route.REVOKE_API_KEY, this::revoke));
    }

    /** @param propertyIds the properties the key may see; an empty list for all of them */
    record NewApiKey(
            @NotBlank @Size(max = 200) String name,
            @NotNull Role role,
            @NotNull @Size(max = 1000) List<@NotBlank @Size(max = 64) String> propertyIds) {}

    record ApiKeyView(String id, String name, Role role, List<String> propertyIds, Instant createdAt,
                      @Nullable Instant revokedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.role(),
                    key.propertyIds().stream().map(PropertyId::value).sorted().toList(),
                    key.createdAt(), key.revokedAt());
        }
    }

    /** The one response that holds the plain key. */
    record CreatedApiKey(String id, String name, Role role, List<String> propertyIds, Instant createdAt,
                         @Nullable Instant revokedAt, String key) {}

    private Reply create(ServerRequest req, NewApiKey body) {
        Set<PropertyId> scope = scope(body.propertyIds());
        ApiKey caller = Caller.of(req).apiKey();
        if (!caller.allProperties() && (scope.isEmpty() || !caller.propertyIds().containsAll(scope))) {
            throw ApiException.forbidden("a key scoped to some properties makes keys for those properties only");
        }
        String plain = Secrets.newKey();
        ApiKey key = new ApiKey(ids.next(), body.name().strip(), body.role(), scope, Secrets.hash(plain),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        transactions.run(() -> apiKeys.save(key));
        ApiKeyView view = ApiKeyView.of(key);
        return Reply.created("/v1/api-keys/" + key.id(), new CreatedApiKey(view.id(), view.name(), view.role(),
                view.propertyIds(), view.createdAt(), view.revokedAt(), plain));
    }

    /** The properties named, each of which exists; 400 naming each one that does not. */
    private Set<PropertyId> scope(List<String> propertyIds) {
        Set<PropertyId> scope = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < propertyIds.size(); i++) {
            Optional<PropertyId> id = parse(propertyIds.get(i));
            if (id.isEmpty() || properties.findBy(id.get()).isEmpty()) {
                errors.add(new Problem.FieldError("property_ids[" + i + "]", "no property has this id"));
            } else {
                scope.add(id.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return scope;
    }

    private static Optional<PropertyId> parse(String id) {
        try {
            return Optional.of(PropertyId.of(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The keys the caller may see: all of them, or for a scoped admin those within its scope. */
    private Reply list(ServerRequest req) {
        ApiKey caller = Caller.of(req).apiKey();
        return Reply.ok(Page.Request.of(req).slice(apiKeys.list().stream().filter(key -> withinScope(caller, key))
                .map(ApiKeyView::of).toList(), ApiKeyView::id));
    }

    /** Whether {@code key} is {@code caller}'s to see: an admin scoped to some properties sees the keys of those only. */
    private static boolean withinScope(ApiKey caller, ApiKey key) {
        return caller.allProperties() || !key.allProperties() && caller.propertyIds().containsAll(key.propertyIds());
    }

    /** Revoking is final, and revoking a revoked key again changes nothing. */
    private Reply revoke(ServerRequest req) {
        String id = Params.path(req, "keyId");
        ApiKey revoked = transactions.inTransaction(() -> {
            ApiKey key = apiKeys.findBy(id).filter(found -> withinScope(Caller.of(req).apiKey(), found))
                    .orElseThrow(() -> new NotFoundException("api key", id));
            if (key.isRevoked()) {
                return key;
            }
            ApiKey now = key.revoked(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            apiKeys.save(now);
            return now;
        });
        return Reply.ok(ApiKeyView.of(revoked));
    }
}
