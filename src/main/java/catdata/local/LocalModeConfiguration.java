package catdata.local;

import java.net.InetAddress;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import catdata.security.AuthMode;
import catdata.security.AuthProperties;
import catdata.security.CorsProperties;
import catdata.security.IssuerSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode, for trying the service without an Auth0 account: a local issuer stands in for the
 * tenant and is used as {@code AUTH0_DOMAIN}, through the same verification as a real one. None of
 * this exists when {@code AUTH0_DOMAIN} or {@code OIDC_ISSUER} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AuthMode.Local.class)
class LocalModeConfiguration {

    @Bean
    LocalIssuer localIssuer(LocalIssuerProperties properties, AuthProperties auth, CorsProperties cors, JsonMapper json) {
        String audience = StringUtils.hasText(auth.audience()) ? auth.audience().trim() : properties.defaultAudience();
        return new LocalIssuer(LocalSigningKey.loadOrCreate(properties.dataDir().resolve("local-issuer-key.json")),
                audience, properties.issuerPort(), cors.trimmedOrigins(), json);
    }

    @Bean
    IssuerSettings issuerSettings(LocalIssuer localIssuer) {
        return IssuerSettings.forAuth0Domain(localIssuer.issuer(), localIssuer.audience());
    }

    /** A service whose tokens anyone on this machine can mint must not be reachable from others. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> listenOnLoopbackOnly() {
        return factory -> factory.setAddress(InetAddress.getLoopbackAddress());
    }

    @Bean
    LocalModeBanner localModeBanner(LocalIssuer localIssuer) {
        return new LocalModeBanner(localIssuer);
    }
}
