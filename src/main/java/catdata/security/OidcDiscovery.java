package catdata.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import catdata.config.InvalidConfigurationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OIDC issuer's {@code jwks_uri} from its discovery document, once, at start-up. An
 * issuer that cannot be reached or that names another issuer stops start-up with a clear message.
 */
class OidcDiscovery {

    private final HttpClient http;
    private final JsonMapper json;
    private final AuthProperties.Jwks timeouts;

    OidcDiscovery(JsonMapper json, AuthProperties.Jwks timeouts) {
        this.json = json;
        this.timeouts = timeouts;
        this.http = HttpClient.newBuilder().connectTimeout(timeouts.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI jwksUri(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI discovery = URI.create(base + "/.well-known/openid-configuration");
        JsonNode document = fetch(discovery);
        String advertisedIssuer = document.path("issuer").asString("");
        if (!advertisedIssuer.equals(issuer)) {
            throw new InvalidConfigurationException("OIDC_ISSUER is '" + issuer + "' but " + discovery
                    + " names the issuer '" + advertisedIssuer + "'");
        }
        String jwksUri = document.path("jwks_uri").asString("");
        if (jwksUri.isEmpty()) {
            throw new InvalidConfigurationException(
                    "OIDC_ISSUER's discovery document has no jwks_uri; set OIDC_JWKS_URI");
        }
        return IssuerSettings.parse(jwksUri, "OIDC_JWKS_URI");
    }

    private JsonNode fetch(URI discovery) {
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(timeouts.readTimeout()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InvalidConfigurationException("OIDC_ISSUER: " + discovery + " answered "
                        + response.statusCode() + "; set OIDC_JWKS_URI or check the issuer");
            }
            return json.readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new InvalidConfigurationException("OIDC_ISSUER: could not read " + discovery + " ("
                    + e.getClass().getSimpleName() + "); set OIDC_JWKS_URI or check the issuer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidConfigurationException("OIDC_ISSUER: interrupted while reading " + discovery);
        }
    }
}
