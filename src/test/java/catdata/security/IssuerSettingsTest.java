package catdata.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import catdata.config.InvalidConfigurationException;

class IssuerSettingsTest {

    @ParameterizedTest
    @CsvSource({
            "dev-abc123.us.auth0.com,           https://dev-abc123.us.auth0.com/",
            "dev-abc123.us.auth0.com/,          https://dev-abc123.us.auth0.com/",
            "https://dev-abc123.us.auth0.com,   https://dev-abc123.us.auth0.com/",
            "https://dev-abc123.us.auth0.com/,  https://dev-abc123.us.auth0.com/",
            "'  HTTPS://Dev-ABC123.us.auth0.com/  ', https://dev-abc123.us.auth0.com/",
            "login.example.com:8443,            https://login.example.com:8443/",
            "http://127.0.0.1:3001,             http://127.0.0.1:3001/",
            "http://127.0.0.1:3001/,            http://127.0.0.1:3001/",
            "http://localhost:3001,             http://localhost:3001/",
            "http://[::1]:3001/,                http://[::1]:3001/"
    })
    void theAuth0DomainIsNormalisedToTheIssuerAuth0Writes(String domain, String issuer) {
        IssuerSettings settings = IssuerSettings.forAuth0Domain(domain, "https://api.example");

        assertThat(settings.issuer()).isEqualTo(issuer);
        assertThat(settings.jwksUri()).isEqualTo(URI.create(issuer + ".well-known/jwks.json"));
        assertThat(settings.audience()).isEqualTo("https://api.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://dev-abc123.us.auth0.com", "http://10.0.0.5:3001/", "ftp://dev-abc123.us.auth0.com"})
    void plainHttpIsRefusedExceptForLoopback(String domain) {
        assertThatThrownBy(() -> IssuerSettings.forAuth0Domain(domain, "https://api.example"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("AUTH0_DOMAIN must use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dev-abc123.us.auth0.com/api", "https://dev-abc123.us.auth0.com/?x=1", "https://"})
    void aDomainWithAPathOrNoHostIsRefused(String domain) {
        assertThatThrownBy(() -> IssuerSettings.forAuth0Domain(domain, "https://api.example"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("AUTH0_");
    }

    @Test
    void theAudienceIsRequiredWithAnAuth0Domain() {
        assertThatThrownBy(() -> IssuerSettings.forAuth0Domain("dev-abc123.us.auth0.com", " "))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("AUTH0_AUDIENCE is required when AUTH0_DOMAIN is set");
    }

    @Test
    void anOidcIssuerIsKeptExactlyAsGiven() {
        IssuerSettings settings = IssuerSettings.forOidcIssuer("https://keycloak.example/realms/home",
                "https://keycloak.example/realms/home/protocol/openid-connect/certs", "catdata", issuer -> {
                    throw new AssertionError("no discovery when the JWKS URL is given");
                });

        assertThat(settings.issuer()).isEqualTo("https://keycloak.example/realms/home");
        assertThat(settings.jwksUri().toString()).endsWith("/certs");
    }

    @Test
    void anOidcIssuerWithoutJwksUrlIsDiscovered() {
        URI discovered = URI.create("https://idp.example/keys");

        IssuerSettings settings = IssuerSettings.forOidcIssuer("https://idp.example", "", "catdata", issuer -> discovered);

        assertThat(settings.jwksUri()).isEqualTo(discovered);
    }

    @Test
    void anOidcIssuerOverPlainHttpIsRefused() {
        assertThatThrownBy(() -> IssuerSettings.forOidcIssuer("http://idp.example", null, "catdata", issuer -> null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("OIDC_ISSUER must use https://");
    }

    @Test
    void theAudienceIsRequiredWithAnOidcIssuer() {
        assertThatThrownBy(() -> IssuerSettings.forOidcIssuer("https://idp.example", null, null, issuer -> null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("AUTH0_AUDIENCE is required when OIDC_ISSUER is set");
    }
}
