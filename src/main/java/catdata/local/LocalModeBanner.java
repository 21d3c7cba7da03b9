package catdata.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/** Tells the person who just started the service that it is in local mode and how to get a token. */
final class LocalModeBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(LocalModeBanner.class);

    private final LocalIssuer issuer;

    LocalModeBanner(LocalIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int apiPort = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 3000;
        log.info("""

                =====================================================================
                 LOCAL MODE: tokens come from a local issuer at {}
                 For trying Cat Data on this machine, not for production: set
                 AUTH0_DOMAIN and AUTH0_AUDIENCE (or OIDC_ISSUER) to use a real issuer.
                 The API listens on 127.0.0.1:{} only. Get a token with:

                 curl -s -X POST {}oauth/token -H 'Content-Type: application/json' -d '{"grant_type":"client_credentials","client_id":"local","audience":"{}"}'
                =====================================================================""",
                issuer.issuer(), apiPort, issuer.issuer(), issuer.audience());
    }
}
