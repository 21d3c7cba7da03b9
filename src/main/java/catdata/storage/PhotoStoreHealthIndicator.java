package catdata.storage;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code photoStore} in the health groups: part of readiness (a node that cannot store or read photos
 * should get no traffic), not of liveness (restarting it would not bring the store back). Why it is
 * down goes to the log when it goes down, not at every probe, and never into the answer.
 */
@Component
class PhotoStoreHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PhotoStoreHealthIndicator.class);

    private final ImageStore store;
    private final AtomicBoolean down = new AtomicBoolean();

    PhotoStoreHealthIndicator(ImageStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Optional<String> problem = store.whyUnavailable();
        if (problem.isPresent()) {
            if (!down.getAndSet(true)) {
                log.warn("Photo store {} is unavailable: {}", store.location(), problem.get());
            }
            return Health.down().build();
        }
        if (down.getAndSet(false)) {
            log.info("Photo store {} is available again", store.location());
        }
        return Health.up().build();
    }
}
