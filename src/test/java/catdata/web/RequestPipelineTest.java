package catdata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.FilterChainProxy;

import catdata.support.ApiTest;

/** The filters the running server applies are the ones {@link RequestPipeline} declares, in its order. */
class RequestPipelineTest extends ApiTest {

    private final WebServerApplicationContext context;
    private final FilterChainProxy securityChain;

    @Autowired
    RequestPipelineTest(WebServerApplicationContext context, FilterChainProxy securityChain) {
        this.context = context;
        this.securityChain = securityChain;
    }

    @Test
    void servletFiltersRunInTheDeclaredOrder() {
        Context tomcat = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        List<String> order = Arrays.stream(tomcat.findFilterMaps()).map(FilterMap::getFilterName).distinct()
                // Tomcat's own, added to every application after the ones it is given.
                .filter(name -> !name.startsWith("Tomcat WebSocket")).toList();

        assertThat(order).containsExactlyElementsOf(RequestPipeline.SERVLET_FILTERS);
    }

    @Test
    void securityFiltersRunInTheDeclaredOrder() {
        List<String> order = securityChain.getFilterChains().get(0).getFilters().stream()
                .map(filter -> filter.getClass().getSimpleName()).toList();

        assertThat(order).containsExactlyElementsOf(RequestPipeline.SECURITY_FILTERS);
    }
}
