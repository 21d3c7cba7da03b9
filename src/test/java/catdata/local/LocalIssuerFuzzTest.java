package catdata.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import catdata.local.IssuerExchange.Parameters;

/**
 * Coverage-guided fuzzing of what local mode's issuer makes of a request's bytes: a query or form
 * body (split and decoded), a {@code redirect_uri} or {@code returnTo} (which must never lead off
 * the allowed origins), a name to sign in with, a PKCE verifier, and the token endpoint's whole
 * decision over the parameters. A finding is any exception, a redirect target on another origin,
 * or tokens handed out for anything but the client-credentials grant (no code or refresh token
 * exists here, so no other grant may succeed).
 *
 * <p>Under {@code mvn verify} the target runs in regression mode over its inputs in
 * {@code src/test/resources/catdata/local/LocalIssuerFuzzTestInputs/request/}; {@code fuzz/run.sh
 * issuer} fuzzes for real.
 */
@Tag("jazzer")
class LocalIssuerFuzzTest {

    private static final String APP = "http://127.0.0.1:5173";
    private static final AllowedOrigins ORIGINS = new AllowedOrigins(List.of(APP, "https://cat.example"));
    private static final TokenEndpoint TOKENS = new TokenEndpoint(
            new LocalTokens(key(), "http://127.0.0.1:3001/"), new AuthorizationCodes(), new RefreshTokens(),
            "https://cat-data.local/api");

    @FuzzTest
    void request(byte[] request) {
        fuzz(request);
    }

    @Test
    void theSeedsExerciseEveryBranchTheyName() {
        fuzz("grant_type=client_credentials&client_id=robot".getBytes(StandardCharsets.UTF_8));
        assertThat(ORIGINS.redirectTarget(APP + "/callback?x=1")).isPresent();
        assertThat(ORIGINS.redirectTarget("http://127.0.0.1:5173@evil.example/")).isEmpty();
        assertThat(ORIGINS.redirectTarget("HTTPS://CAT.EXAMPLE:443/")).isPresent();
    }

    static void fuzz(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        Parameters parameters = Parameters.ofForm(text);
        parameters.repeated();

        for (String address : List.of(text, parameters.get("redirect_uri").orElse(""), parameters.get("returnTo")
                .orElse(""))) {
            Optional<URI> target = ORIGINS.redirectTarget(address);
            if (target.isPresent() && !(onAllowedOrigin(target.get()) && target.get().getRawFragment() == null
                    && target.get().getRawUserInfo() == null)) {
                throw new AssertionError("A redirect off the allowed origins: " + target.get());
            }
        }
        LocalUser.named(parameters.get("username").orElse(text))
                .ifPresent(user -> assertThat(user.subject()).matches("local\\|[A-Za-z0-9._-]{1,64}"));
        AuthorizationCodes.verifies(parameters.get("code_verifier").orElse(text),
                parameters.get("code_challenge").orElse(""));

        TokenEndpoint.Answer answer = TOKENS.token(Optional.of(parameters));
        if (answer.status() == 200 && !parameters.get("grant_type").orElse("").equals("client_credentials")) {
            throw new AssertionError("Tokens for " + parameters.values() + ": " + answer.body());
        }
        if (answer.status() != 200) {
            assertThat(answer.body()).containsKeys("error", "error_description");
        }
    }

    /** Told apart from the URI's parts, not by {@link AllowedOrigins}: its two origins, and nothing else. */
    private static boolean onAllowedOrigin(URI target) {
        String scheme = String.valueOf(target.getScheme());
        String host = String.valueOf(target.getHost());
        int port = target.getPort();
        return scheme.equalsIgnoreCase("http") && host.equals("127.0.0.1") && port == 5173
                || scheme.equalsIgnoreCase("https") && host.equalsIgnoreCase("cat.example") && (port == -1 || port == 443);
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("fuzz").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
