package catdata.security;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Tells, from a token's key id alone, that it cannot be verified now: the key set held names no such
 * key and the fetch limit leaves no fetch that could bring it. Such a token would end as "key not
 * known" anyway, after its claims were parsed and checked and the key cache consulted; refusing it
 * first makes a flood of made-up key ids cost no more than a glance at each header (no hash, no
 * claims, no signature).
 *
 * <p>It sits in the fetch chain right above the {@link JwksFetchLimiter}, so it sees every key set
 * fetched (the one the cache holds is always the last of them) and asks the same limiter the fetches
 * go through. While fetches are left, nothing changes: an unknown key id still gets its one refresh,
 * as when the issuer has rotated its keys.
 */
final class UnknownKeyScreen implements JWKSetSource<SecurityContext> {

    static final int MAX_VERIFIED_HEADERS = 64;

    private final JwksFetchLimiter fetches;
    private final SigningKeyAvailability keys;
    private volatile Set<String> keyIds = Set.of();
    /**
     * Header parts of tokens verified before (an issuer signs all its tokens with a handful of
     * headers): a token with one of them is waved through without parsing its header, so the
     * screen adds only a map lookup to a token found in the cache. Filled only by verified tokens,
     * so no one else can fill it, and bounded.
     */
    private final Set<String> verifiedHeaders = ConcurrentHashMap.newKeySet();

    UnknownKeyScreen(JwksFetchLimiter fetches, SigningKeyAvailability keys) {
        this.fetches = fetches;
        this.keys = keys;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        JWKSet fetched = fetches.getJWKSet(refreshEvaluator, currentTime, context);
        keyIds = fetched.getKeys().stream().map(JWK::getKeyID).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        return fetched;
    }

    /**
     * Whether a token (which passed {@link TokenPrecheck#checkShape}) is certainly refused as "key
     * not known": see {@link #refuses(String, long)}. Throws as {@link TokenPrecheck#checkHeader}
     * does for a header that is not acceptable at all.
     */
    boolean refusesToken(String token, long now) {
        return !verifiedHeaders.contains(headerPart(token)) && refuses(TokenPrecheck.checkHeader(token), now);
    }

    /** Remembers the header of a token just verified, up to {@value #MAX_VERIFIED_HEADERS} of them. */
    void verified(String token) {
        if (verifiedHeaders.size() < MAX_VERIFIED_HEADERS) {
            verifiedHeaders.add(headerPart(token));
        }
    }

    private static String headerPart(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    /**
     * Whether a token naming this key id is certainly refused as "key not known": the keys held are
     * still usable (otherwise the answer is a 503, not the token's fault), none has this id, and no
     * fetch is allowed before the limit's window moves on.
     */
    boolean refuses(String keyId, long now) {
        return !keyIds.contains(keyId) && fetches.refusesAt(now) && keys.hasUsableKeys(now);
    }

    @Override
    public void close() throws IOException {
        fetches.close();
    }
}
