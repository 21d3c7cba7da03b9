package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9728 metadata the {@code 401}s point to says only what is true of this service: bearer
 * tokens in the {@code Authorization} header, not bound to a client certificate.
 */
class ProtectedResourceMetadataTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String METADATA = "/.well-known/oauth-protected-resource";

    @Test
    void theMetadataNamesTheResourceAndHowTokensAreSent() {
        ApiResponse response = api.get(METADATA);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("json");
        // Whole: in particular no tls_client_certificate_bound_access_tokens (RFC 8705), which Spring
        // sets to true by default; absent means false.
        assertThat(response.json()).isEqualTo(JSON.readTree("""
                {"resource": "http://127.0.0.1:%d", "bearer_methods_supported": ["header"]}
                """.formatted(api.port())));
    }

    @Test
    void aRefusedRequestPointsToTheMetadata() {
        ApiResponse response = api.get("/api/images");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo("Bearer resource_metadata=\"http://127.0.0.1:" + api.port() + METADATA + "\"");
    }
}
