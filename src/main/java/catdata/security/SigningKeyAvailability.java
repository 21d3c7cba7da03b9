package catdata.security;

import com.nimbusds.jose.jwk.source.JWKSetSourceWithHealthStatusReporting;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.health.HealthReport;
import com.nimbusds.jose.util.health.HealthReportListener;
import com.nimbusds.jose.util.health.HealthStatus;

/**
 * Whether the service holds signing keys it may still use: a key set was fetched within the time the
 * cache keeps one (its time to live plus the outage tolerance). When a key lookup fails, this tells
 * "we cannot check any token now" (503) from "this token names a key we do not have" (401).
 */
final class SigningKeyAvailability
        implements HealthReportListener<JWKSetSourceWithHealthStatusReporting<SecurityContext>, SecurityContext> {

    private final long keptForMillis;
    private volatile long lastFetchedAt = Long.MIN_VALUE;

    SigningKeyAvailability(long keptForMillis) {
        this.keptForMillis = keptForMillis;
    }

    @Override
    public void notify(HealthReport<JWKSetSourceWithHealthStatusReporting<SecurityContext>, SecurityContext> report) {
        if (report.getHealthStatus() == HealthStatus.HEALTHY) {
            // The timestamp is the one the cache stamps the fetched set with, so both expire together.
            lastFetchedAt = Math.max(lastFetchedAt, report.getTimestamp());
        }
    }

    boolean hasUsableKeys(long now) {
        long fetchedAt = lastFetchedAt;
        return fetchedAt != Long.MIN_VALUE && now - fetchedAt < keptForMillis;
    }
}
