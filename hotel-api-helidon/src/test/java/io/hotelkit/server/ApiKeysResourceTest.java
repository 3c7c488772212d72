package io.hotelkit.server;

import static io.hotelkit.access.Role.ADMIN;
import static io.hotelkit.access.Role.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@RoutingTest
class ApiKeysResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final String admin = fixture.key(ADMIN);

    ApiKeysResourceTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private Api.Response create(String name, String role, String propertyIds) {
        return api.post("/v1/api-keys", admin, """
                {"name": "%s", "role": "%s", "property_ids": %s}""".formatted(name, role, propertyIds));
    }

    private String property() {
        var created = api.post("/v1/properties", admin, """
                {"code": "%s", "name": "Keyed Inn", "timezone": "UTC", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00"}""".formatted(Lisbon.unique("KEY")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void an_admin_makes_a_key_and_sees_the_plain_key_once() {
        String p1 = property();
        var created = create("front office", "front_desk", "[\"" + p1 + "\"]");

        assertThat(created.status()).isEqualTo(201);
        JsonNode key = created.json();
        assertThat(key.path("key").asText()).startsWith("hk_");
        assertThat(key.path("role").asText()).isEqualTo("front_desk");
        assertThat(key.path("property_ids").get(0).asText()).isEqualTo(p1);
        assertThat(key.path("created_at").asText()).isEqualTo("2026-11-25T20:00:00Z");
        assertThat(key.path("revoked_at").isNull()).isTrue();
        assertThat(created.header("Location")).contains("/v1/api-keys/" + key.path("id").asText());

        var listed = api.get("/v1/api-keys", admin);
        assertThat(listed.body()).doesNotContain(key.path("key").asText());
        assertThat(listed.json().path("items").findValuesAsText("id")).contains(key.path("id").asText());
    }

    @Test
    void only_the_hash_of_a_new_key_is_stored() {
        String plain = create("hashed", "auditor", "[]").json().path("key").asText();

        assertThat(fixture.infrastructure.apiKeys().findByHash(Secrets.hash(plain))).isPresent();
        assertThat(fixture.infrastructure.apiKeys().list()).noneSatisfy(k -> assertThat(k.hash()).isEqualTo(plain));
    }

    @Test
    void a_new_key_works_with_its_role_and_scope() {
        String p1 = property();
        String plain = create("scoped", "front_desk", "[\"" + p1 + "\"]").json().path("key").asText();

        assertThat(api.get("/v1/properties/" + p1 + "/widgets", plain).status()).isEqualTo(200);
        assertThat(api.get("/v1/properties/P2/widgets", plain).status()).isEqualTo(404);
        assertThat(api.get("/v1/api-keys", plain).status()).isEqualTo(403);
    }

    @Test
    void a_key_for_a_property_that_does_not_exist_is_400_naming_it() {
        String p1 = property();

        var refused = create("lost", "auditor", "[\"" + p1 + "\", \"01JDQ3C9T7W0A5N8M2K4P6R8S0\", \"not an id\"]");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("property_ids[1]", "property_ids[2]");
        assertThat(fixture.infrastructure.apiKeys().list()).noneMatch(k -> k.name().equals("lost"));
    }

    @Test
    void an_admin_key_scoped_to_some_properties_makes_keys_for_those_only() {
        String p1 = property();
        String p2 = property();
        String scopedAdmin = fixture.key(Role.ADMIN, p1);

        var own = api.post("/v1/api-keys", scopedAdmin, "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": [\"" + p1 + "\"]}");
        var wider = api.post("/v1/api-keys", scopedAdmin, "{\"name\": \"desk\", \"role\": \"admin\", \"property_ids\": []}");
        var other = api.post("/v1/api-keys", scopedAdmin, "{\"name\": \"desk\", \"role\": \"admin\", \"property_ids\": [\"" + p2 + "\"]}");

        assertThat(own.status()).isEqualTo(201);
        assertThat(wider.status()).isEqualTo(403);
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void an_admin_key_scoped_to_some_properties_sees_and_revokes_the_keys_of_those_only() {
        String p1 = property();
        String p2 = property();
        String scopedAdmin = fixture.key(Role.ADMIN, p1);
        String mine = create("mine", "auditor", "[\"" + p1 + "\"]").json().path("id").asText();
        String theirs = create("theirs", "auditor", "[\"" + p2 + "\"]").json().path("id").asText();
        String everywhere = create("everywhere", "auditor", "[]").json().path("id").asText();

        var listed = api.get("/v1/api-keys?limit=500", scopedAdmin).json().path("items").findValuesAsText("id");

        assertThat(listed).contains(mine).doesNotContain(theirs, everywhere);
        assertThat(api.delete("/v1/api-keys/" + theirs, scopedAdmin).status()).isEqualTo(404);
        assertThat(api.delete("/v1/api-keys/" + everywhere, scopedAdmin).status()).isEqualTo(404);
        assertThat(api.delete("/v1/api-keys/" + mine, scopedAdmin).status()).isEqualTo(200);
    }

    @Test
    void a_revoked_key_is_refused_from_then_on() {
        JsonNode created = create("to revoke", "manager", "[]").json();
        String plain = created.path("key").asText();

        var revoked = api.delete("/v1/api-keys/" + created.path("id").asText(), admin);
        var again = api.delete("/v1/api-keys/" + created.path("id").asText(), admin);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked_at").asText()).isEqualTo("2026-11-25T20:00:00Z");
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get("/v1/properties/P1/widgets", plain).status()).isEqualTo(401);
    }

    @Test
    void a_key_in_use_is_refused_at_once_when_revoked_on_this_instance() {
        JsonNode created = create("in use", "front_desk", "[]").json();
        String plain = created.path("key").asText();
        assertThat(api.get("/v1/properties/P1/widgets", plain).status()).as("kept in memory from here on").isEqualTo(200);
        assertThat(api.get("/v1/properties/P1/widgets", plain).status()).isEqualTo(200);

        assertThat(api.delete("/v1/api-keys/" + created.path("id").asText(), admin).status()).isEqualTo(200);

        assertThat(api.get("/v1/properties/P1/widgets", plain).status()).isEqualTo(401);
    }

    @Test
    void revoking_an_unknown_key_is_404() {
        var response = api.delete("/v1/api-keys/no-such-key", admin);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problem()).isEqualTo("not-found");
    }

    @Test
    void only_admins_manage_keys() {
        String manager = fixture.key(MANAGER);

        assertThat(api.get("/v1/api-keys", manager).status()).isEqualTo(403);
        assertThat(api.post("/v1/api-keys", manager, "{}").status()).isEqualTo(403);
        assertThat(api.delete("/v1/api-keys/x", manager).status()).isEqualTo(403);
    }

    @Test
    void a_new_key_needs_a_name_a_known_role_and_its_property_ids() {
        assertThat(create("", "manager", "[]").status()).isEqualTo(400);
        var unknownRole = create("x", "chef", "[]");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().path("errors").get(0).path("message").asText()).contains("front_desk");
        var noScope = api.post("/v1/api-keys", admin, "{\"name\": \"x\", \"role\": \"manager\"}");
        assertThat(noScope.json().path("errors").findValuesAsText("field")).containsExactly("property_ids");
    }

    @Test
    void keys_are_listed_a_page_at_a_time() {
        for (int i = 0; i < 3; i++) {
            create("paged " + i, "auditor", "[]");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get("/v1/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin).json();
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(page.path("items").findValuesAsText("id"));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(seen).doesNotHaveDuplicates().hasSize(fixture.infrastructure.apiKeys().list().size()).isSorted();
    }

    @Test
    void a_limit_out_of_range_is_400() {
        assertThat(api.get("/v1/api-keys?limit=0", admin).status()).isEqualTo(400);
        assertThat(api.get("/v1/api-keys?limit=501", admin).status()).isEqualTo(400);
        assertThat(api.get("/v1/api-keys?limit=ten", admin).status()).isEqualTo(400);
    }
}
