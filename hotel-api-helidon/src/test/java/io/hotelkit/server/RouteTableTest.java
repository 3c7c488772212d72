package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.Role;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The route table and the OpenAPI document say the same: the same routes, ids and roles. */
class RouteTableTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static Map<String, Object> document() throws Exception {
        try (InputStream in = RouteTableTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths() throws Exception {
        return (Map<String, Map<String, Object>>) document().get("paths");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_route_is_documented_with_its_operation_id_and_roles() throws Exception {
        Map<String, Map<String, Object>> paths = paths();
        for (Route route : Route.values()) {
            Map<String, Object> path = paths.get("/v1" + route.path());
            assertThat(path).as("%s is documented", route).isNotNull();
            Map<String, Object> operation = (Map<String, Object>) path.get(route.method().text().toLowerCase(Locale.ROOT));
            assertThat(operation).as("%s %s is documented", route.method().text(), route.path()).isNotNull();
            assertThat(operation.get("operationId")).as("operationId of %s", route).isEqualTo(route.operationId());
            Set<String> roles = route.roles().admitted().stream().map(Roles::wire).collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>((List<String>) operation.get("x-roles"))).as("x-roles of %s", route).isEqualTo(roles);
        }
    }

    @Test
    void every_documented_v1_operation_is_a_route() throws Exception {
        List<String> documented = new ArrayList<>();
        paths().forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                .filter(method -> path.startsWith("/v1/"))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        List<String> routed = Arrays.stream(Route.values()).map(r -> r.method().text() + " /v1" + r.path()).toList();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void admin_may_call_every_route() {
        assertThat(Route.values()).allSatisfy(route -> assertThat(route.roles().admits(Role.ADMIN)).isTrue());
    }

    @Test
    void an_auditor_changes_nothing() {
        assertThat(Arrays.stream(Route.values()).filter(route -> route.roles().admits(Role.AUDITOR)))
                .allSatisfy(route -> assertThat(route.method().text()).isEqualTo("GET"));
    }
}
