package catdata.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.util.StringUtils;

import catdata.config.InvalidConfigurationException;

/**
 * The issuer a token's {@code iss} must equal, where its keys are published, and the audience
 * its {@code aud} must contain: decided once at start-up from the environment.
 */
public record IssuerSettings(String issuer, URI jwksUri, String audience) {

    /**
     * An Auth0 tenant, given the way people copy it from the dashboard: with or without
     * {@code https://}, with or without the trailing slash. Auth0 puts {@code https://<host>/} in
     * {@code iss} and serves the keys below it.
     */
    public static IssuerSettings forAuth0Domain(String domain, String audience) {
        requireAudience(audience, "AUTH0_DOMAIN");
        String issuer = normaliseAuth0Domain(domain);
        return new IssuerSettings(issuer, URI.create(issuer + ".well-known/jwks.json"), audience.trim());
    }

    /**
     * Another OIDC provider: the issuer is compared exactly as given; without an explicit JWKS URL,
     * {@code discovery} finds it from the issuer.
     */
    static IssuerSettings forOidcIssuer(String issuer, String jwksUri, String audience,
            Function<String, URI> discovery) {
        requireAudience(audience, "OIDC_ISSUER");
        requireHttpsOrLoopback(parse(issuer, "OIDC_ISSUER"), "OIDC_ISSUER");
        URI keys = StringUtils.hasText(jwksUri) ? parse(jwksUri, "OIDC_JWKS_URI") : discovery.apply(issuer);
        requireHttpsOrLoopback(keys, "OIDC_JWKS_URI");
        return new IssuerSettings(issuer, keys, audience.trim());
    }

    static String normaliseAuth0Domain(String domain) {
        String value = domain.trim();
        if (!value.contains("://")) {
            value = "https://" + value;
        }
        URI uri = parse(value, "AUTH0_DOMAIN");
        String path = uri.getRawPath();
        if (uri.getHost() == null || (path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidConfigurationException(
                    "AUTH0_DOMAIN must be a tenant domain such as dev-abc123.us.auth0.com, not '" + domain + "'");
        }
        requireHttpsOrLoopback(uri, "AUTH0_DOMAIN");
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + "/";
    }

    static URI parse(String value, String variable) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(variable + " is not a valid URL: '" + value + "'");
        }
    }

    /** Keys fetched over plain HTTP could be swapped by anyone on the path, except on this machine. */
    static void requireHttpsOrLoopback(URI uri, String variable) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return;
        }
        throw new InvalidConfigurationException(variable + " must use https:// (http:// is allowed only for "
                + "127.0.0.1, localhost and [::1]): '" + uri + "'");
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static void requireAudience(String audience, String issuerVariable) {
        if (!StringUtils.hasText(audience)) {
            throw new InvalidConfigurationException("AUTH0_AUDIENCE is required when " + issuerVariable + " is set");
        }
    }
}
