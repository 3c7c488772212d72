package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.access.Role;
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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/api-keys}: admins make keys (the plain key is in the creation's response and nowhere else,
 * ever), list them and revoke them. Creation takes no {@code Idempotency-Key}: a stored reply would keep
 * the plain key.
 */
final class ApiKeysResource implements HttpService {

    private final ApiKeys apiKeys;
    private final UnitOfWork transactions;
    private final IdGenerator ids;
    private final Clock clock;

    ApiKeysResource(ApiKeys apiKeys, UnitOfWork transactions, IdGenerator ids, Clock clock) {
        this.apiKeys = apiKeys;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
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
        String plain = Secrets.newKey();
        Set<PropertyId> scope = body.propertyIds().stream().map(PropertyId::of).collect(Collectors.toSet());
        ApiKey key = new ApiKey(ids.next(), body.name().strip(), body.role(), scope, Secrets.hash(plain),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        transactions.run(() -> apiKeys.save(key));
        ApiKeyView view = ApiKeyView.of(key);
        return Reply.created("/v1/api-keys/" + key.id(), new CreatedApiKey(view.id(), view.name(), view.role(),
                view.propertyIds(), view.createdAt(), view.revokedAt(), plain));
    }

    private Reply list(ServerRequest req) {
        return Reply.ok(Page.Request.of(req).slice(apiKeys.list().stream().map(ApiKeyView::of).toList(), ApiKeyView::id));
    }

    /** Revoking is final, and revoking a revoked key again changes nothing. */
    private Reply revoke(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        ApiKey revoked = transactions.inTransaction(() -> {
            ApiKey key = apiKeys.findBy(id).orElseThrow(() -> new NotFoundException("api key", id));
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
