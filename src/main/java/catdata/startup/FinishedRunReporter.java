package catdata.startup;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import catdata.adoption.DryRunFinished;

/**
 * A dry run that has reported is not a failure to start: nothing more is printed for it (it has
 * logged its summary), and {@code main} ends the process with status 0.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class FinishedRunReporter implements SpringBootExceptionReporter {

    FinishedRunReporter(ConfigurableApplicationContext context) {
        // Spring Boot hands every reporter the context; this one has no use for it.
    }

    @Override
    public boolean reportException(Throwable failure) {
        return DryRunFinished.isCauseOf(failure);
    }
}
