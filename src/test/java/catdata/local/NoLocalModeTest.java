package catdata.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import catdata.support.ApiTest;

/** With an issuer configured, none of local mode exists: no local issuer, no loopback-only binding. */
class NoLocalModeTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void noLocalModeBeanExistsWhenAnIssuerIsConfigured() {
        assertThat(context.getBeansOfType(LocalIssuer.class)).isEmpty();
        assertThat(context.getBeansOfType(LocalModeBanner.class)).isEmpty();
        assertThat(context.getBeanNamesForType(LocalModeConfiguration.class)).isEmpty();
    }
}
