package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.ApiRoutes;
import catdata.support.ApiRoutes.Route;
import catdata.support.TestApp;
import catdata.support.TestIssuer;
import catdata.support.TokenBuilder;

/**
 * With {@code AUTH0_REQUIRED_PERMISSIONS=true}, reading needs {@code read:catalog} and changing
 * needs {@code write:catalog}, from the token's {@code permissions} list or its {@code scope}
 * string; without one, a 403 names the permission the request needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RequiredPermissionsTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final byte[] TAG = "{\"name\": \"fragile\"}".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Autowired
    private JdbcClient jdbc;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-permissions"));
        registry.add("AUTH0_REQUIRED_PERMISSIONS", () -> "true");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void bothPermissionsReadAndWrite() {
        String token = withPermissions("read:catalog", "write:catalog");

        assertThat(createTag(token).status()).isEqualTo(201);
        assertThat(api.get("/api/tags", bearer(token)).json()).hasSize(1);
    }

    @Test
    void permissionsMayComeAsAScopeString() {
        String token = ISSUER.token().claim("scope", "openid read:catalog  write:catalog").build();

        assertThat(createTag(token).status()).isEqualTo(201);
        assertThat(api.get("/api/tags", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void readingWithoutWritePermissionIsAllowedButWritingIs403NamingWriteCatalog() {
        String token = withPermissions("read:catalog");

        assertThat(api.get("/api/tags", bearer(token)).status()).isEqualTo(200);
        assertThat(api.send("HEAD", "/api/tags", null, new byte[0], bearer(token)).status()).isEqualTo(200);
        assertInsufficientPermission(createTag(token), "write:catalog");
        assertThat(api.get("/api/tags", bearer(withPermissions("read:catalog", "write:catalog"))).json()).isEmpty();
    }

    @Test
    void writingWithoutReadPermissionIsAllowedButReadingIs403NamingReadCatalog() {
        String token = withPermissions("write:catalog");

        assertThat(createTag(token).status()).isEqualTo(201);
        assertInsufficientPermission(api.get("/api/tags", bearer(token)), "read:catalog");
    }

    @Test
    void everyApiRouteNeedsItsPermissionAndWritesNothingWithout() {
        String reader = withPermissions("read:catalog");
        String writer = withPermissions("write:catalog");
        long rowsBefore = rows();

        for (Route route : ApiRoutes.of(handlerMapping)) {
            boolean reads = route.method().equals("GET") || route.method().equals("HEAD");
            String path = route.pathWithId(1);
            boolean hasBody = !reads && !route.method().equals("DELETE");
            ApiResponse refused = api.send(route.method(), path, hasBody ? "application/json" : null,
                    hasBody ? TAG : new byte[0], bearer(reads ? writer : reader));

            assertThat(refused.status()).as("%s %s: %s", route.method(), path, refused).isEqualTo(403);
            assertInsufficientPermission(refused, reads ? "read:catalog" : "write:catalog");
        }
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    @Test
    void aTokenWithoutAnyPermissionMayDoNothing() {
        String token = ISSUER.token().build();

        assertInsufficientPermission(api.get("/api/tags", bearer(token)), "read:catalog");
        assertInsufficientPermission(createTag(token), "write:catalog");
    }

    @Test
    void permissionsOfAnotherShapeGrantNothingAndBreakNothing() {
        List<Map<String, Object>> junk = List.of(
                Map.of("permissions", "read:catalog write:catalog"),
                Map.of("permissions", List.of(1, true, Map.of("read:catalog", true), List.of("read:catalog"))),
                Map.of("permissions", Map.of("name", "read:catalog")),
                Map.of("scope", List.of("read:catalog", "write:catalog")),
                Map.of("scope", 42),
                Map.of("permissions", List.of("READ:CATALOG", "read:catalog ", " write:catalog")),
                Map.of("scp", List.of("read:catalog")));
        for (Map<String, Object> claims : junk) {
            TokenBuilder builder = ISSUER.token();
            claims.forEach(builder::claim);
            String token = builder.build();

            assertInsufficientPermission(api.get("/api/tags", bearer(token)), "read:catalog");
            assertInsufficientPermission(createTag(token), "write:catalog");
        }
    }

    @Test
    void validPermissionsAmongJunkStillCount() {
        String token = ISSUER.token().claim("permissions", Arrays.asList(7, null, "read:catalog", "")).build();

        assertThat(api.get("/api/tags", bearer(token)).status()).isEqualTo(200);
        assertInsufficientPermission(createTag(token), "write:catalog");
    }

    @Test
    void noTokenIsStill401NotA403() {
        ApiResponse response = api.get("/api/tags");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).doesNotContain("insufficient_scope");
    }

    private ApiResponse createTag(String token) {
        return api.send("POST", "/api/tag", "application/json", TAG, bearer(token));
    }

    private static String withPermissions(String... permissions) {
        return ISSUER.token().claim("permissions", List.of(permissions)).build();
    }

    private static void assertInsufficientPermission(ApiResponse response, String permission) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("WWW-Authenticate"))
                .startsWith("Bearer error=\"insufficient_scope\", error_description=\"This request needs the permission "
                        + permission + ".\", scope=\"" + permission + "\"");
        assertThat(response.error()).isEqualTo("This request needs the permission " + permission + ".");
    }

    private long rows() {
        return jdbc.sql("SELECT (SELECT count(*) FROM containers) + (SELECT count(*) FROM tags)"
                + " + (SELECT count(*) FROM items) + (SELECT count(*) FROM images)").query(Long.class).single();
    }
}
