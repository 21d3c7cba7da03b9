package catdata.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.ServletWebRequest;

import catdata.error.InvalidInput;
import catdata.support.RepositoryDatabase;

/** The owner of a request, on the real database: the caller's household, checked on every request. */
class OwnerArgumentResolverTest {

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final OwnerArgumentResolver resolver =
            new OwnerArgumentResolver(new Memberships(jdbc, RepositoryDatabase.transaction(),
                    new HouseholdProperties(false, "Shared", List.of())));

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFirstCallMakesThePersonalHouseholdWorkedOutOncePerRequest() throws Exception {
        String alice = newSub();
        SecurityContextHolder.setContext(signedIn(alice));
        ServletWebRequest request = request();

        Owner first = (Owner) resolver.resolveArgument(ownerParameter(), null, request, null);
        SecurityContextHolder.setContext(signedIn(newSub()));
        Owner again = (Owner) resolver.resolveArgument(ownerParameter(), null, request, null);

        assertThat(first.sub()).isEqualTo(alice);
        assertThat(again).isSameAs(first);
        assertThat(jdbc.sql("SELECT name FROM households WHERE id = :id").param("id", first.household())
                .query(String.class).single()).isEqualTo(Memberships.PERSONAL);
        SecurityContextHolder.setContext(signedIn(alice));
        assertThat(resolver.resolveArgument(ownerParameter(), null, request(), null)).isEqualTo(first);
    }

    @Test
    void aHouseholdIsNamedByHeaderOrQueryAndMustBeTheCallersOwn() throws Exception {
        long bobs = ownerFor(newSub(), request()).household();
        String alice = newSub();
        long alices = ownerFor(alice, request()).household();

        assertThat(ownerFor(alice, request("X-Household", String.valueOf(alices), null)).household()).isEqualTo(alices);
        assertThat(ownerFor(alice, request(null, null, "household=" + alices)).household()).isEqualTo(alices);
        assertThatThrownBy(() -> ownerFor(alice, request("X-Household", String.valueOf(bobs), null)))
                .isInstanceOf(HouseholdNotFound.class).hasMessage("Household not found");
        assertThatThrownBy(() -> ownerFor(alice, request(null, null, "household=" + Long.MAX_VALUE / 10)))
                .isInstanceOf(HouseholdNotFound.class);
    }

    @Test
    void aHouseholdIdThatIsNotAPositiveIntegerIsInvalid() {
        String alice = newSub();
        for (String id : List.of("", "0", "-1", "abc", "1.5", "+1", "0x1", "9999999999999999999")) {
            assertThatThrownBy(() -> ownerFor(alice, request("X-Household", id, null))).as(id)
                    .isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> ownerFor(alice, request("X-Household", "1", "household=2")))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void twoFirstCallsAtOnceMakeOneHousehold() throws Exception {
        String sub = newSub();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Owner>> calls = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return ownerFor(sub, request());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();

        assertThat(calls.get(0).get()).isEqualTo(calls.get(1).get());
        assertThat(jdbc.sql("SELECT count(*) FROM memberships WHERE sub = :sub").param("sub", sub)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAVerifiedTokenThereIsNoOwner() {
        assertThatThrownBy(() -> resolver.resolveArgument(ownerParameter(), null, request(), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyOwnerParametersAreResolved() throws Exception {
        assertThat(resolver.supportsParameter(ownerParameter())).isTrue();
        Method byName = Handlers.class.getDeclaredMethod("name", String.class);
        assertThat(resolver.supportsParameter(new MethodParameter(byName, 0))).isFalse();
    }

    @Test
    void anOwnerNeedsAHouseholdAndASubject() {
        assertThatThrownBy(() -> new Owner(0, "sub")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Owner(1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Owner(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private Owner ownerFor(String sub, ServletWebRequest request) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(signedIn(sub));
        try {
            return (Owner) resolver.resolveArgument(ownerParameter(), null, request, null);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static SecurityContext signedIn(String subject) {
        Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                Map.of("sub", subject));
        return new SecurityContextImpl(new JwtAuthenticationToken(jwt, List.of(), subject));
    }

    private static String newSub() {
        return "owner-test-" + UUID.randomUUID();
    }

    private static ServletWebRequest request() {
        return request(null, null, null);
    }

    private static ServletWebRequest request(String header, String value, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/containers");
        if (header != null) {
            request.addHeader(header, value);
        }
        request.setQueryString(query);
        return new ServletWebRequest(request);
    }

    private static MethodParameter ownerParameter() throws NoSuchMethodException {
        return new MethodParameter(Handlers.class.getDeclaredMethod("list", Owner.class), 0);
    }

    @SuppressWarnings("unused")
    private static final class Handlers {
        void list(Owner owner) {
        }

        void name(String name) {
        }
    }
}
