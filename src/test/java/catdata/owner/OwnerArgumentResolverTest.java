package catdata.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.ServletWebRequest;

class OwnerArgumentResolverTest {

    private final OwnerArgumentResolver resolver = new OwnerArgumentResolver();

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theOwnerIsTheVerifiedTokensSubjectWorkedOutOncePerRequest() throws Exception {
        signIn("auth0|alice");
        ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

        Owner first = resolver.resolveArgument(ownerParameter(), null, request, null);
        signIn("auth0|mallory");
        Owner second = resolver.resolveArgument(ownerParameter(), null, request, null);

        assertThat(first).isEqualTo(new Owner("auth0|alice"));
        assertThat(second).isSameAs(first);
        assertThat(resolver.resolveArgument(ownerParameter(), null,
                new ServletWebRequest(new MockHttpServletRequest()), null)).isEqualTo(new Owner("auth0|mallory"));
    }

    @Test
    void onlyOwnerParametersAreResolved() throws Exception {
        assertThat(resolver.supportsParameter(ownerParameter())).isTrue();
        Method byName = Handlers.class.getDeclaredMethod("name", String.class);
        assertThat(resolver.supportsParameter(new MethodParameter(byName, 0))).isFalse();
    }

    @Test
    void withoutAVerifiedTokenThereIsNoOwner() {
        assertThatThrownBy(() -> resolver.resolveArgument(ownerParameter(), null,
                new ServletWebRequest(new MockHttpServletRequest()), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOwnerNeedsASubject() {
        assertThatThrownBy(() -> new Owner("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Owner(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void signIn(String subject) {
        Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                Map.of("sub", subject));
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of(), subject));
    }

    private static MethodParameter ownerParameter() throws NoSuchMethodException {
        Method method = Handlers.class.getDeclaredMethod("list", Owner.class);
        return new MethodParameter(method, 0);
    }

    @SuppressWarnings("unused")
    private static final class Handlers {
        void list(Owner owner) {
        }

        void name(String name) {
        }
    }
}
