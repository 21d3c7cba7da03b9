package catdata.error;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TomcatErrorValve} on the host. Of the error report valves there, the one added last
 * answers first: Boot adds one that writes HTML, and this customizer, declared without an order,
 * runs after Boot's. The host would add its own default valve on start unless it finds one of
 * the class it is told about, so it is told about ours.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorsFromTomcat(
            ObjectProvider<ErrorWriter> errors) {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            host.getPipeline().addValve(new TomcatErrorValve(errors::getObject));
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(TomcatErrorValve.class.getName());
            }
        });
    }
}
