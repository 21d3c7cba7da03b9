package catdata.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins the local issuer redirects to, answers with CORS and posts results to:
 * those of {@code CORS_ORIGINS}, the API's own list. Local mode keeps no client registry, so this
 * is what stops a page elsewhere from receiving a code or a token (no open redirect).
 */
final class AllowedOrigins {

    private final Set<String> origins;

    AllowedOrigins(List<String> origins) {
        this.origins = origins.stream().map(AllowedOrigins::parse).flatMap(Optional::stream)
                .map(AllowedOrigins::originOf).collect(Collectors.toUnmodifiableSet());
    }

    /** An absolute {@code http(s)} address without a fragment (RFC 6749 §3.1.2) on an allowed origin. */
    Optional<URI> redirectTarget(String address) {
        return parse(address).filter(uri -> uri.getRawFragment() == null && allows(originOf(uri)));
    }

    boolean allows(String origin) {
        return origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host:port} as a browser sends it in {@code Origin} (the default port left out). */
    static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static Optional<URI> parse(String address) {
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
