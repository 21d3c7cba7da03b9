package catdata.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/** Counts key lookups: Nimbus makes one for each token that gets past the pre-checks and the cache. */
final class CountingKeySource implements JWKSource<SecurityContext> {

    private final JWKSource<SecurityContext> source;
    private final AtomicInteger uses = new AtomicInteger();

    CountingKeySource(JWKSource<SecurityContext> source) {
        this.source = source;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        uses.incrementAndGet();
        return source.get(selector, context);
    }

    int uses() {
        return uses.get();
    }
}
