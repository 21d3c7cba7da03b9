package catdata.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A key set as the JWKS fetch chain would bring it, without the network: for wiring the decoder's
 * fetch chain (screen, limiter) around fixed keys in the fuzz target and the JMH benchmark.
 */
record HeldKeySet(JWKSet keys) implements JWKSetSource<SecurityContext> {

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context) {
        return keys;
    }

    @Override
    public void close() {
    }
}
