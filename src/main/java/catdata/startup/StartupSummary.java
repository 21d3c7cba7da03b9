package catdata.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import catdata.database.DatabaseDescription;
import catdata.security.CorsProperties;
import catdata.security.IssuerSettings;
import catdata.storage.ImageStore;

/** One line saying what this instance is wired to, so a misconfiguration shows at a glance. */
@Component
class StartupSummary implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final IssuerSettings issuer;
    private final DatabaseDescription database;
    private final ImageStore images;
    private final CorsProperties cors;

    StartupSummary(IssuerSettings issuer, DatabaseDescription database, ImageStore images, CorsProperties cors) {
        this.issuer = issuer;
        this.database = database;
        this.images = images;
        this.cors = cors;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info("Cat Data ready: issuer={} jwks={} audience={} database={} images={} origins={}",
                issuer.issuer(), issuer.jwksUri(), issuer.audience(), database.text(), images.location(),
                cors.trimmedOrigins());
    }
}
