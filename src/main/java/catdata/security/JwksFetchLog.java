package catdata.security;

import java.io.IOException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * One log line for every request that reaches the issuer's JWKS endpoint, so that operators (and the
 * benchmark, during a flood of unknown key ids) can count fetches: {@code JWKS fetched from ...}.
 */
final class JwksFetchLog implements JWKSetSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(JwksFetchLog.class);

    private final JWKSetSource<SecurityContext> source;
    private final URI uri;

    JwksFetchLog(JWKSetSource<SecurityContext> source, URI uri) {
        this.source = source;
        this.uri = uri;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            JWKSet keys = source.getJWKSet(refreshEvaluator, currentTime, context);
            log.info("JWKS fetched from {}: {} keys", uri, keys.size());
            return keys;
        } catch (KeySourceException e) {
            log.warn("JWKS fetch from {} failed: {}", uri, e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
