package catdata.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import catdata.CatDataApplication;
import catdata.support.TestDatabase;

/** A wrong setting stops start-up with one line that names it, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void anAuth0DomainWithoutAudienceStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("AUTH0_DOMAIN", "dev-abc123.us.auth0.com"), output,
                "AUTH0_AUDIENCE is required when AUTH0_DOMAIN is set");
    }

    @Test
    void anAuth0DomainOverPlainHttpStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("AUTH0_DOMAIN", "http://dev-abc123.us.auth0.com", "AUTH0_AUDIENCE", "x"), output,
                "AUTH0_DOMAIN must use https://");
    }

    @Test
    void bothIssuerSettingsStopStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("AUTH0_DOMAIN", "dev-abc123.us.auth0.com", "OIDC_ISSUER", "https://idp.example",
                "AUTH0_AUDIENCE", "x"), output, "AUTH0_DOMAIN and OIDC_ISSUER are both set; set only one");
    }

    private static void assertStartUpFails(Map<String, Object> settings, CapturedOutput output, String message) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(CatDataApplication.class)
                .properties(Map.of("DATABASE_URL", TestDatabase.jdbcUrl(), "server.port", "0"))
                .properties(settings);

        assertThatThrownBy(application::run).hasRootCauseInstanceOf(InvalidConfigurationException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains(message)
                .doesNotContain("\tat catdata.");
    }
}
